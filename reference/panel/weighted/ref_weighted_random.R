# Random effects with observation weights, as plm 2.6 computes them for the four component methods
# (slopes of the weighted auxiliary fits; quadratic forms of their residuals and the
# degrees-of-freedom matrix unweighted; then weighted least squares on the quasi-demeaned data).
# Usage (from this folder): Rscript ref_weighted_random.R
# Writes reference_weighted_random.json. Weights as in ref_weighted.R: w = 1 + (firm %% 3).
suppressPackageStartupMessages({ library(plm); library(jsonlite) })
dat <- function(f) read.csv(file.path("..", "data", f))
vec <- function(x) as.list(x)

re_w <- function(form, d, method) {
  pd <- pdata.frame(d, index = c("firm", "year"))
  m <- plm(form, pd, model = "random", random.method = method, weights = w)
  b <- coef(m); V <- vcov(m); se <- sqrt(diag(V))
  ec <- ercomp(m)
  list(method = method, nobs = nobs(m), df_residual = df.residual(m), coefficients = vec(b),
       se = vec(se), z = vec(b / se), p = vec(2 * pnorm(-abs(b / se))),
       sigma2_idios = unname(ec$sigma2["idios"]), sigma2_id = unname(ec$sigma2["id"]),
       theta = vec(summary(as.numeric(ec$theta))[c("Min.", "Mean", "Max.")]),
       # plm fits sqrt(w) * (y, X): its residuals carry sqrt(w), so their square sum is the weighted SSR.
       ssr = sum(residuals(m)^2), r_squared = unname(r.squared(m)))
}

out <- list(R = R.version.string, plm = as.character(packageVersion("plm")),
            weights = "w = 1 + (firm %% 3)",
            note = "plm's weighted random effects (see the header of ref_weighted_random.R)")
g <- dat("grunfeld.csv"); g$w <- 1 + (g$firm %% 3)
out$grunfeld <- list(formula = "inv ~ value + capital",
  swar = re_w(inv ~ value + capital, g, "swar"), amemiya = re_w(inv ~ value + capital, g, "amemiya"),
  walhus = re_w(inv ~ value + capital, g, "walhus"), nerlove = re_w(inv ~ value + capital, g, "nerlove"))
e <- dat("empluk.csv"); e$w <- 1 + (e$firm %% 3)
e <- transform(e, lemp = log(emp), lwage = log(wage), lcapital = log(capital), loutput = log(output))
out$emplUK <- list(formula = "lemp ~ lwage + lcapital + loutput",
  swar = re_w(lemp ~ lwage + lcapital + loutput, e, "swar"),
  amemiya = re_w(lemp ~ lwage + lcapital + loutput, e, "amemiya"),
  walhus = re_w(lemp ~ lwage + lcapital + loutput, e, "walhus"),
  nerlove = re_w(lemp ~ lwage + lcapital + loutput, e, "nerlove"))
write_json(out, "reference_weighted_random.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("done\n")
