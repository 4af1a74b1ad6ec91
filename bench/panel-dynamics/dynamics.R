# R side of bench/panel-dynamics/dynamics.bench.ts: the same steps on the same file, best of reps.
#   Rscript bench/panel-dynamics/dynamics.R [bench/out/dynamics-1m.csv] [3]
suppressPackageStartupMessages(library(survival))
args <- commandArgs(TRUE)
file <- if (length(args) >= 1) args[1] else "bench/out/dynamics-1m.csv"
reps <- if (length(args) >= 2) as.integer(args[2]) else 3L
load <- system.time(d <- read.csv(file))[["elapsed"]]
best <- function(f) min(replicate(reps, system.time(f())[["elapsed"]]))
# states + spells, vectorized: order, consecutive-year flags, run ids (gaps break runs)
spells_of <- function(d) {
  d <- d[order(d$firm, d$year), ]
  n <- nrow(d)
  same_next <- c(d$firm[-1] == d$firm[-n] & d$year[-1] == d$year[-n] + 1, FALSE)
  cont <- c(FALSE, same_next[-n]) & d$exporter == 1 & c(FALSE, d$exporter[-n] == 1)
  start <- d$exporter == 1 & !cont
  run <- cumsum(start); run[d$exporter == 0] <- NA
  last <- !is.na(run) & !c(cont[-1], FALSE)
  data.frame(duration = as.vector(table(run)), event = as.integer(same_next[last]), size = d$size[start])
}
states <- best(function() spells_of(d))
trans <- best(function() {
  o <- d[order(d$firm, d$year), ]; n <- nrow(o)
  nxt <- c(o$firm[-1] == o$firm[-n] & o$year[-1] == o$year[-n] + 1, FALSE)
  from <- o$export_state[nxt]; to <- o$export_state[which(nxt) + 1]; sz <- o$size[nxt]
  list(table(from, to), table(sz, from, to))
})
sp <- spells_of(d)
km <- best(function() { survfit(Surv(duration, event) ~ size, data = sp); survdiff(Surv(duration, event) ~ size, data = sp) })
cat(sprintf("RESULT R rows=%d load_s=%.3f states_spells_s=%.3f transitions_by_size_s=%.3f km_by_size_logrank_s=%.3f (spells built once: %d)\n",
            nrow(d), load, states, trans, km, nrow(sp)))
