# Benchmark of the R package against what an R user would write instead:
# - yr_split (largest remainder) against a base-R largest remainder with order();
# - yr_crosstab against table() on the same two factors.
# Repetitions of ours and theirs are interleaved and the minimum is kept. Prints tables, then one
# "GOAL|..." line per goal for bench/run.sh.
#
# Usage: Rscript bench/bench_r.R LIB_DIR [--quick]   (LIB_DIR: a library holding yrkesresa)

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1L) stop("usage: Rscript bench/bench_r.R LIB_DIR [--quick]")
quick <- "--quick" %in% args
suppressPackageStartupMessages(library(yrkesresa, lib.loc = args[[1]]))

# What an R user would write: double quotas, remainders ranked by order(). Exact only while
# total * w stays below 2^53.
base_lr <- function(total, w) {
  q <- total * w / sum(w)
  f <- floor(q)
  k <- total - sum(f)
  if (k > 0) {
    top <- order(q - f, decreasing = TRUE)[seq_len(k)]
    f[top] <- f[top] + 1
  }
  f
}

# Interleave the functions round by round until min_time seconds have passed (at least 3
# rounds); the minimum seconds per function.
interleaved_min <- function(funcs, min_time) {
  best <- rep(Inf, length(funcs))
  spent <- 0
  reps <- 0L
  while (reps < 3L || (spent < min_time && reps < 200L)) {
    for (j in seq_along(funcs)) {
      t0 <- Sys.time()
      funcs[[j]]()
      dt <- as.double(Sys.time()) - as.double(t0)
      spent <- spent + dt
      best[j] <- min(best[j], dt)
    }
    reps <- reps + 1L
  }
  best
}

fmt_time <- function(sec) {
  if (sec < 1e-3) sprintf("%.1f us", sec * 1e6) else if (sec < 1) sprintf("%.2f ms", sec * 1e3) else sprintf("%.3f s", sec)
}

goal <- function(name, size, ours, theirs, ratio, target, met) {
  cat(sprintf("GOAL|%s|%s|%s|%s|%s|%s|%s\n", name, size, ours, theirs, ratio, target,
              if (is.na(met)) "-" else if (met) "yes" else "NO"))
}

split_sizes <- if (quick) c(1e4, 1e5) else c(1e4, 1e5, 1e6, 1e7)
ct_sizes <- if (quick) c(1e5, 1e6) else c(1e5, 1e6, 1e7)
min_time <- if (quick) 0.05 else 1
total <- 1e12

cat(sprintf("yrkesresa %s, %s\n\n", yr_version(), R.version.string))
set.seed(20240607)
cat(sprintf("yr_split (largest remainder) vs base R with order(); total %s; weights 1..10^6\n",
            format(total, big.mark = " ", scientific = FALSE)))
cat(sprintf("%-8s %12s %12s %9s %11s\n", "parties", "yr_split", "base R", "x base R", "rows differ"))
split_res <- list()
for (n in split_sizes) {
  w <- as.double(sample.int(1e6, n, replace = TRUE))
  ours <- yr_split(total, w)
  if (sum(ours) != total) stop("yr_split rows do not add to the total")
  differ <- sum(base_lr(total, w) != ours)
  t <- interleaved_min(list(function() yr_split(total, w), function() base_lr(total, w)), min_time)
  split_res[[format(n)]] <- t
  cat(sprintf("10^%-5d %12s %12s %8.1fx %11d\n", as.integer(round(log10(n))), fmt_time(t[1]),
              fmt_time(t[2]), t[2] / t[1], differ))
}
cat("rows differ: rows where the base-R (double) version differs from yr_split (exact)\n\n")

nrows <- 290L
ncols <- 20L
cat(sprintf("yr_crosstab vs table() on two factors (%d x %d levels), uniform\n", nrows, ncols))
cat(sprintf("%-8s %12s %12s %9s\n", "records", "yr_crosstab", "table()", "x table"))
ct_res <- list()
for (n in ct_sizes) {
  municipality <- factor(sample.int(nrows, n, replace = TRUE), levels = seq_len(nrows))
  course <- factor(sample.int(ncols, n, replace = TRUE), levels = seq_len(ncols))
  ours <- yr_crosstab(municipality, course)
  theirs <- table(municipality, course)
  if (!identical(as.vector(ours), as.double(as.vector(theirs))) &&
    !identical(as.vector(ours), as.vector(theirs))) {
    stop("yr_crosstab differs from table()")
  }
  t <- interleaved_min(list(function() yr_crosstab(municipality, course),
                            function() table(municipality, course)), min_time)
  ct_res[[format(n)]] <- t
  cat(sprintf("10^%-5d %12s %12s %8.1fx\n", as.integer(round(log10(n))), fmt_time(t[1]),
              fmt_time(t[2]), t[2] / t[1]))
}
cat("\n")

n <- max(split_sizes[split_sizes <= 1e6])
t <- split_res[[format(n)]]
goal("R yr_split vs base R order()", sprintf("n=10^%d", as.integer(round(log10(n)))),
     fmt_time(t[1]), fmt_time(t[2]), sprintf("%.1fx", t[2] / t[1]), ">= 3x", t[2] / t[1] >= 3)
n <- max(ct_sizes)
t <- ct_res[[format(n)]]
goal("R yr_crosstab vs table() (no goal set)", sprintf("n=10^%d", as.integer(round(log10(n)))),
     fmt_time(t[1]), fmt_time(t[2]), sprintf("%.1fx", t[2] / t[1]), "-", NA)
