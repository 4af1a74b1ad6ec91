# Weighted and binary-outcome references for the panel estimators.
# Usage (from this folder): Rscript ref_weighted.R   (needs r-cran-plm, sandwich, lmtest, jsonlite)
# Writes reference_weighted.json. Weights are deterministic: w = 1 + (firm %% 3).
suppressPackageStartupMessages({ library(plm); library(sandwich); library(lmtest); library(jsonlite) })
dat <- function(f) read.csv(file.path("..", "data", f))
vec <- function(x) as.list(x)
tab <- function(b, V, df) {
  se <- sqrt(diag(V)); t <- b / se
  p <- if (is.finite(df)) 2 * pt(-abs(t), df) else 2 * pnorm(-abs(t))
  list(se = vec(se), t = vec(t), p = vec(p), df_for_p = if (is.finite(df)) df else "normal")
}

plm_w <- function(form, d, index, model, effect = "individual") {
  pd <- pdata.frame(d, index = index)
  m <- plm(form, pd, model = model, effect = effect, weights = w)
  b <- coef(m); dfr <- df.residual(m)
  list(model = model, effect = effect, nobs = nobs(m), df_residual = dfr, coefficients = vec(b),
       conventional = tab(b, vcov(m), dfr), r_squared = unname(r.squared(m)))
  # plm 2.6 has no vcovHC for weighted models: the robust references come from lm_w below.
}

# Note: plm's weighted two-way within on an unbalanced panel (EmplUK) differs from weighted least
# squares with unit and year dummies; lm_dummies_twoways is the exact weighted two-way estimator.
# lm with unit dummies == weighted within estimator; CR0 from sandwich for a second opinion.
lm_w <- function(form, d, cl) {
  m <- lm(form, d, weights = w)
  b <- coef(m); dfr <- df.residual(m)
  list(nobs = nobs(m), df_residual = dfr, coefficients = vec(b), conventional = tab(b, vcov(m), dfr),
       cluster_CR0 = tab(b, vcovCL(m, cluster = d[[cl]], type = "HC0", cadjust = FALSE), dfr),
       hetero_HC0 = tab(b, vcovHC(m, type = "HC0"), dfr))
}

out <- list(R = R.version.string, versions = list(plm = as.character(packageVersion("plm")),
  sandwich = as.character(packageVersion("sandwich"))), weights = "w = 1 + (firm %% 3)")

g <- dat("grunfeld.csv"); g$w <- 1 + (g$firm %% 3)
out$grunfeld <- list(
  formula = "inv ~ value + capital",
  pooling = plm_w(inv ~ value + capital, g, c("firm", "year"), "pooling"),
  within_individual = plm_w(inv ~ value + capital, g, c("firm", "year"), "within"),
  within_twoways = plm_w(inv ~ value + capital, g, c("firm", "year"), "within", "twoways"),
  lm_pooled = lm_w(inv ~ value + capital, g, "firm"),
  lm_dummies = lm_w(inv ~ value + capital + factor(firm), g, "firm"),
  lm_dummies_twoways = lm_w(inv ~ value + capital + factor(firm) + factor(year), g, "firm"))

e <- dat("empluk.csv"); e$w <- 1 + (e$firm %% 3)
e <- transform(e, lemp = log(emp), lwage = log(wage), lcapital = log(capital), loutput = log(output))
out$emplUK <- list(
  formula = "lemp ~ lwage + lcapital + loutput",
  pooling = plm_w(lemp ~ lwage + lcapital + loutput, e, c("firm", "year"), "pooling"),
  within_individual = plm_w(lemp ~ lwage + lcapital + loutput, e, c("firm", "year"), "within"),
  within_twoways = plm_w(lemp ~ lwage + lcapital + loutput, e, c("firm", "year"), "within", "twoways"),
  lm_pooled = lm_w(lemp ~ lwage + lcapital + loutput, e, "firm"),
  lm_dummies = lm_w(lemp ~ lwage + lcapital + loutput + factor(firm), e, "firm"),
  lm_dummies_twoways = lm_w(lemp ~ lwage + lcapital + loutput + factor(firm) + factor(year), e, "firm"))

# Export persistence: P(exporter_t) on exporter_{t-1} (lag by year within firm) and size dummies.
x <- dat("export_panel.csv")
x <- x[order(x$firm, x$year), ]
prev <- match(paste(x$firm, x$year - 1), paste(x$firm, x$year))
x$lag_exporter <- x$exporter[prev]
x$medium <- as.numeric(x$size == "medium")
x$w <- 1 + (x$firm %% 3)
xs <- x[!is.na(x$lag_exporter), ]
# Converge fully so that the reference is the maximum-likelihood estimate, not glm's 1e-8 stop.
tight <- glm.control(epsilon = 1e-14, maxit = 100)
glm_block <- function(weighted) {
  m <- if (weighted) glm(exporter ~ lag_exporter + medium, binomial, xs, weights = w, control = tight)
       else glm(exporter ~ lag_exporter + medium, binomial, xs, control = tight)
  b <- coef(m)
  list(nobs = nobs(m), coefficients = vec(b), deviance = deviance(m), null_deviance = m$null.deviance,
       conventional = tab(b, vcov(m), Inf),
       cluster_CR0 = tab(b, vcovCL(m, cluster = xs$firm, type = "HC0", cadjust = FALSE), Inf),
       hetero_HC0 = tab(b, vcovHC(m, type = "HC0"), Inf))
}
lpm <- lm(exporter ~ lag_exporter + medium, xs)
out$export_panel <- list(
  formula = "exporter ~ l(exporter, 1) + medium",
  note = "lag_exporter = exporter of the same firm in year - 1; rows without it are dropped",
  rows_dropped_no_lag = sum(is.na(x$lag_exporter)),
  logit = glm_block(FALSE), logit_weighted = glm_block(TRUE),
  lpm = list(coefficients = vec(coef(lpm)), nobs = nobs(lpm),
             cluster_CR0 = tab(coef(lpm), vcovCL(lpm, cluster = xs$firm, type = "HC0", cadjust = FALSE), df.residual(lpm))))
write_json(out, "reference_weighted.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("done\n")
