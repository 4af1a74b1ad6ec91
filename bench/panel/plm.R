# R side of bench/panel/load.bench.ts: read the same CSV, then plm's within estimator on it.
# Usage: Rscript bench/panel/plm.R <panel.csv> [effect: individual|twoways] [readers: read.csv,fread]
# Prints one line "RESULT <json>" with wall (_s) and CPU (_cpu_s, user + system of this process)
# seconds per step, and the coefficients.
suppressPackageStartupMessages({library(plm); library(jsonlite)})
a <- commandArgs(TRUE)
f <- a[1]
eff <- if (length(a) >= 2) a[2] else "individual"
readers <- strsplit(if (length(a) >= 3) a[3] else "read.csv,fread", ",")[[1]]
el <- function() proc.time()[["elapsed"]]
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
out <- list(file = f, effect = eff, r = R.version.string, plm = as.character(packageVersion("plm")))
d <- NULL
if ("fread" %in% readers && requireNamespace("data.table", quietly = TRUE)) {
  t0 <- el(); c0 <- cpu(); d <- data.table::fread(f, data.table = FALSE, nThread = 1)
  out$fread_1thread_s <- el() - t0; out$fread_1thread_cpu_s <- cpu() - c0
  t0 <- el(); d <- data.table::fread(f, data.table = FALSE); out$fread_s <- el() - t0
  out$fread_threads <- data.table::getDTthreads()
}
if ("read.csv" %in% readers) {
  t0 <- el(); c0 <- cpu(); d <- read.csv(f); out$read_csv_s <- el() - t0; out$read_csv_cpu_s <- cpu() - c0
}
out$rows <- nrow(d)
t0 <- el(); c0 <- cpu(); pd <- pdata.frame(d, index = c("firm", "year"))
out$pdata_frame_s <- el() - t0; out$pdata_frame_cpu_s <- cpu() - c0
t0 <- el(); c0 <- cpu(); m <- plm(y ~ x1 + x2 + x3, pd, model = "within", effect = eff)
out$plm_within_s <- el() - t0; out$plm_within_cpu_s <- cpu() - c0
t0 <- el(); c0 <- cpu(); V <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group")
out$vcovHC_s <- el() - t0; out$vcovHC_cpu_s <- cpu() - c0
out$coefficients <- as.list(coef(m))
out$se_cluster_HC0 <- as.list(sqrt(diag(V)))
cat("RESULT", toJSON(out, auto_unbox = TRUE, digits = NA), "\n")
