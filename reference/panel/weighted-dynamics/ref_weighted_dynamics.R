# Weighted references for the panel dynamics: transition counts with observation weights,
# Kaplan-Meier with case weights (Greenwood for whole-number weights, survfit's robust
# infinitesimal-jackknife variance for fractional weights, also clustered by firm), the log-rank
# test with whole-number weights (survdiff has no weights argument, so the data are expanded),
# Nelson-Aalen, a panel with missing years, time to re-entry, Wilson intervals and raking.
# Usage (from this folder): Rscript ref_weighted_dynamics.R
#   -> export_panel_weighted.csv, export_panel_gaps.csv, reference_weighted_dynamics.json
suppressPackageStartupMessages({
  library(survival); library(msm); library(jsonlite); library(survey)
})
setwd(Sys.getenv("REF_DIR", "."))
panel <- read.csv("../data/export_panel.csv")
panel <- panel[order(panel$firm, panel$year), ]
# deterministic weights, constant within a firm: whole numbers 1..3 and fractional 0.5..2
panel$w_int <- 1L + panel$firm %% 3L
panel$w_frac <- 0.5 + (panel$firm %% 7) / 4
write.csv(panel, "export_panel_weighted.csv", row.names = FALSE)
# a panel with missing years: every 5th firm loses its years with year %% 4 == 1
gaps <- panel[!(panel$firm %% 5 == 0 & panel$year %% 4 == 1), ]
write.csv(gaps, "export_panel_gaps.csv", row.names = FALSE)

out <- list(description = paste(
  "Weighted and gappy references for panel dynamics. export_panel_weighted.csv = ../data/export_panel.csv",
  "plus w_int = 1 + firm %% 3 and w_frac = 0.5 + (firm %% 7)/4; export_panel_gaps.csv drops the years",
  "with year %% 4 == 1 of firms with firm %% 5 == 0. Weights of a transition t -> t+1 are read at t;",
  "the weight of a spell is the weight of its first year (constant within firm here)."),
  R = R.version.string,
  versions = list(survival = as.character(packageVersion("survival")), msm = as.character(packageVersion("msm")),
                  survey = as.character(packageVersion("survey"))))

# ---- transitions (consecutive years of the same firm only) ---------------------------
pairs <- function(d) {
  d <- d[order(d$firm, d$year), ]
  nxt <- c(d$firm[-1] == d$firm[-nrow(d)] & d$year[-1] == d$year[-nrow(d)] + 1, FALSE)
  list(from = d$export_state[nxt], to = d$export_state[which(nxt) + 1], w_int = d$w_int[nxt],
       w_frac = d$w_frac[nxt], size = d$size[nxt])
}
tab <- function(x, w) {
  m <- xtabs(w ~ factor(x$from, 0:2) + factor(x$to, 0:2))
  list(counts = unclass(matrix(as.numeric(m), 3)), row_probabilities = unclass(matrix(as.numeric(prop.table(m, 1)), 3)))
}
p <- pairs(panel)
out$transitions_weighted <- list(w_int = tab(p, p$w_int), w_frac = tab(p, p$w_frac),
  w_frac_by_size = lapply(split(seq_along(p$from), p$size), function(ix) tab(lapply(p, `[`, ix), p$w_frac[ix])),
  layout = "rows = state at t, cols = state at t+1; weight at t (xtabs)")
# Wilson score intervals (prop.test without continuity correction) for the unweighted 3-state counts
cnt <- table(factor(p$from, 0:2), factor(p$to, 0:2))
wl <- wu <- matrix(0, 3, 3)
for (i in 1:3) for (j in 1:3) {
  ci <- prop.test(cnt[i, j], sum(cnt[i, ]), correct = FALSE)$conf.int
  wl[i, j] <- ci[1]; wu[i, j] <- ci[2]
}
out$wilson_3state <- list(lower = wl, upper = wu, method = "prop.test(x, n, correct = FALSE)$conf.int per cell")
pg <- pairs(gaps)
out$transitions_gaps <- list(counts = unclass(matrix(as.integer(table(factor(pg$from, 0:2), factor(pg$to, 0:2))), 3)),
  n_rows = nrow(gaps),
  msm_statetable_successive_rows = unclass(matrix(as.integer(msm::statetable.msm(export_state, firm, data = gaps)), 3)),
  note = "counts: consecutive years only; msm counts successive rows across the missing years")

# ---- spells: runs of export years, broken by non-export years and by missing years -------
runs <- function(d, flag, needs_exit = FALSE) {
  d <- d[order(d$firm, d$year), ]
  res <- list(); k <- 0
  for (f in unique(d$firm)) {
    x <- d[d$firm == f, ]; fl <- flag(x); n <- nrow(x)
    i <- 1
    while (i <= n) {
      if (!fl[i]) { i <- i + 1; next }
      j <- i
      while (j < n && fl[j + 1] && x$year[j + 1] == x$year[j] + 1) j <- j + 1
      starts_exit <- i > 1 && x$year[i - 1] == x$year[i] - 1 && !fl[i - 1]
      if (!needs_exit || (i > 1 && x$year[i - 1] == x$year[i] - 1 && x$exporter[i - 1] == 1)) {
        k <- k + 1
        event <- as.integer(j < n && x$year[j + 1] == x$year[j] + 1)
        res[[k]] <- data.frame(firm = f, size = x$size[1], duration = j - i + 1, event = event,
                               left_censored = as.integer(i == 1), w_int = x$w_int[i], w_frac = x$w_frac[i])
      }
      i <- j + 1
    }
  }
  do.call(rbind, res)
}
sp <- runs(panel, function(x) x$exporter == 1)
km <- function(fit) {
  s <- summary(fit)$table
  list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor, surv = fit$surv,
       std_err_R = fit$std.err, logse = fit$logse, lower95 = fit$lower, upper95 = fit$upper,
       cumhaz = fit$cumhaz, std_chaz = fit$std.chaz,
       median = unname(s["median"]), median_lower = unname(s["0.95LCL"]), median_upper = unname(s["0.95UCL"]),
       rmean = unname(summary(fit, rmean = "common")$table["rmean"]))
}
out$km_spells_w_int <- km(survfit(Surv(duration, event) ~ 1, data = sp, weights = w_int))
out$km_spells_w_frac <- km(survfit(Surv(duration, event) ~ 1, data = sp, weights = w_frac))
out$km_spells_w_frac_cluster_firm <- km(survfit(Surv(duration, event) ~ 1, data = sp, weights = w_frac, cluster = firm))
out$km_spells_unweighted_cluster_firm <- km(survfit(Surv(duration, event) ~ 1, data = sp, cluster = firm))
na <- survfit(Surv(duration, event) ~ 1, data = sp, weights = w_int, stype = 2, ctype = 1)
out$nelson_aalen_w_int <- list(time = na$time, cumhaz = na$cumhaz, std_chaz = na$std.chaz)
expand <- sp[rep(seq_len(nrow(sp)), sp$w_int), ]
lr <- survdiff(Surv(duration, event) ~ size, data = expand)
out$logrank_by_size_w_int <- list(chisq = lr$chisq, df = length(lr$n) - 1,
  p_value = pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE),
  observed = as.list(setNames(lr$obs, names(lr$n))), expected = as.list(setNames(lr$exp, names(lr$n))),
  note = "survdiff on spells repeated w_int times (survdiff has no weights argument)")
pp <- survdiff(Surv(duration, event) ~ size, data = sp, rho = 1)
out$peto_by_size_unweighted <- list(chisq = pp$chisq, observed = as.list(setNames(pp$obs, names(pp$n))),
  expected = as.list(setNames(pp$exp, names(pp$n))), note = "survdiff rho = 1")
out$km_by_size_w_int <- lapply(split(sp, sp$size), function(d) km(survfit(Surv(duration, event) ~ 1, data = d, weights = w_int)))

# gaps panel: spells censored at missing years
spg <- runs(gaps, function(x) x$exporter == 1)
out$spells_gaps <- list(n_spells = nrow(spg), n_events = sum(spg$event), durations = spg$duration, events = spg$event)
out$km_spells_gaps <- km(survfit(Surv(duration, event) ~ 1, data = spg))
# time to re-entry: non-export runs that start right after an observed export year
re <- runs(panel, function(x) x$exporter == 0, needs_exit = TRUE)
out$km_reentry <- km(survfit(Surv(duration, event) ~ 1, data = re))
out$km_reentry$n_gaps <- nrow(re)
reg <- runs(gaps, function(x) x$exporter == 0, needs_exit = TRUE)
out$km_reentry_gaps_panel <- km(survfit(Surv(duration, event) ~ 1, data = reg))

# small hand-checkable weighted example
ex <- data.frame(t = c(1, 2, 2, 3, 5), e = c(1, 1, 0, 1, 1), w = c(1, 2.5, 1, 0.5, 1))
out$km_small_fractional <- c(km(survfit(Surv(t, e) ~ 1, data = ex, weights = w)), list(data = ex))

# ---- raking: the 2016 cross-section raked to register margins of size and export state ----
cs <- panel[panel$year == 2016, ]
pop_size <- data.frame(size = c("medium", "small"), Freq = c(2600, 5400))
pop_state <- data.frame(export_state = 0:2, Freq = c(4800, 1900, 1300))
des <- svydesign(ids = ~1, weights = ~w_frac, data = cs)
rk <- rake(des, list(~size, ~export_state), list(pop_size, pop_state),
           control = list(maxit = 100, epsilon = 1e-13, verbose = FALSE))
out$raking <- list(firm = cs$firm, size = cs$size, export_state = cs$export_state, base_weight = cs$w_frac,
                   raked_weight = unname(weights(rk)), population_size = pop_size, population_state = pop_state,
                   note = "survey::rake on the 2016 rows of export_panel_weighted.csv, base weights w_frac, epsilon 1e-13")
write_json(out, "reference_weighted_dynamics.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
cat("spells:", nrow(sp), " gap-panel spells:", nrow(spg), " re-entry gaps:", nrow(re), "\n")
