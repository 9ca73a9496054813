# Participation statistics (SPEC 4). Wilson intervals, verdicts, counts and sums are computed in
# C; this file recycles arguments, maps factors to codes and shapes the results.

.yr_keep_names <- function(df, x) {
  nm <- names(x)
  if (!is.null(nm) && !anyDuplicated(nm) && length(nm) == nrow(df)) row.names(df) <- nm
  df
}

yr_proportion <- function(successes, trials, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(
    successes = successes, trials = trials,
    confidence = .yr_double(confidence, "confidence", call)
  ), call)
  res <- .yr_check(yr_r_proportion(a$successes, a$trials, a$confidence), call)
  df <- data.frame(
    successes = as.double(a$successes), trials = as.double(a$trials),
    share = res$share, low = res$low, high = res$high
  )
  .yr_keep_names(df, successes)
}

# Verdict names in enum order ("met", "not met", "inconclusive"), from C.
.yr_goal_levels <- function() {
  codes <- sort(.__E___yr_goal)
  vapply(codes, c_yr_goal_name, "", USE.NAMES = FALSE)
}

yr_goal_check <- function(yes, n, target, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(
    yes = yes, n = n, target = .yr_double(target, "target", call),
    confidence = .yr_double(confidence, "confidence", call)
  ), call)
  codes <- .yr_check(yr_r_goal_check(a$yes, a$n, a$target, a$confidence), call)
  lv <- .yr_goal_levels()
  out <- factor(lv[codes + 1L], levels = lv)
  if (length(names(yes)) == length(out)) names(out) <- names(yes)
  out
}

yr_coverage <- function(count, population, per = 1000, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(
    count = count, population = population, per = .yr_double(per, "per", call),
    confidence = .yr_double(confidence, "confidence", call)
  ), call)
  res <- .yr_check(yr_r_coverage(a$count, a$population, a$per, a$confidence), call)
  df <- data.frame(
    count = as.double(a$count), population = as.double(a$population),
    rate = res$rate, low = res$low, high = res$high
  )
  .yr_keep_names(df, count)
}

# Categories as 1-based codes: a factor's codes and levels; a character vector as factor(x);
# positive whole numbers as they are (n defaults to their maximum).
.yr_categories <- function(x, n, what, call) {
  if (is.character(x)) x <- factor(x)
  if (is.factor(x)) {
    if (!is.null(n) && n != nlevels(x)) {
      .yr_input_error(sprintf(
        "%s is a factor with %d levels, but n%s = %s", what, nlevels(x),
        if (what == "group") "groups" else what, format(n)
      ), call, what)
    }
    return(list(codes = as.integer(x), n = nlevels(x), labels = levels(x)))
  }
  if (!is.numeric(x)) {
    .yr_input_error(sprintf("%s must be a factor, character or 1-based codes", what), call, what)
  }
  if (is.null(n)) {
    if (length(x) == 0L || anyNA(x)) {
      n <- if (length(x) == 0L) 0 else NA
    } else {
      n <- max(x)
    }
  }
  list(codes = x, n = n, labels = NULL)
}

yr_crosstab <- function(rows, cols, nrows = NULL, ncols = NULL) {
  call <- sys.call()
  r <- .yr_categories(rows, nrows, "rows", call)
  k <- .yr_categories(cols, ncols, "cols", call)
  if (is.na(r$n)) r$n <- 1 # an NA code is refused below, with its position
  if (is.na(k$n)) k$n <- 1
  m <- .yr_check(yr_r_crosstab(r$codes, k$codes, r$n, k$n), call)
  if (!is.null(r$labels) || !is.null(k$labels)) dimnames(m) <- list(r$labels, k$labels)
  m
}

yr_count_by <- function(group, ngroups = NULL) {
  call <- sys.call()
  g <- .yr_categories(group, ngroups, "group", call)
  if (is.na(g$n)) g$n <- 1
  out <- .yr_check(yr_r_count_by(g$codes, g$n), call)
  names(out) <- g$labels
  out
}

.yr_rates_frame <- function(r, first, second) {
  df <- data.frame(r$successes, r$trials, share = r$share, low = r$low, high = r$high)
  names(df)[1:2] <- c(first, second)
  df
}

yr_attendance_rate <- function(registered, attended, confidence = 0.95) {
  call <- sys.call()
  res <- .yr_check(yr_r_attendance_rate(
    registered, attended, .yr_double(confidence, "confidence", call)
  ), call)
  df <- .yr_rates_frame(res$per_course, "attended", "registered")
  df <- df[c("registered", "attended", "share", "low", "high")]
  df <- .yr_keep_names(df, registered)
  total <- .yr_rates_frame(res$total, "attended", "registered")
  attr(df, "total") <- total[c("registered", "attended", "share", "low", "high")]
  class(df) <- c("yr_attendance", "data.frame")
  df
}

print.yr_attendance <- function(x, ...) {
  print(structure(x, class = "data.frame", total = NULL), ...)
  t <- attr(x, "total")
  if (!is.null(t)) {
    cat(sprintf(
      "Total: %s of %s attended, %.1f %% [%.1f, %.1f]\n", .yr_num(t$attended),
      .yr_num(t$registered), 100 * t$share, 100 * t$low, 100 * t$high
    ))
  }
  invisible(x)
}

yr_progression <- function(completed, confidence = 0.95) {
  call <- sys.call()
  res <- .yr_check(yr_r_progression(
    completed, .yr_double(confidence, "confidence", call)
  ), call)
  k <- length(res$share)
  labels <- if (!is.null(names(completed))) names(completed) else seq_along(completed)
  data.frame(
    from = labels[seq_len(k)], to = labels[seq_len(k) + 1L],
    completed_from = res$trials, completed_to = res$successes,
    share = res$share, low = res$low, high = res$high
  )
}

yr_check_totals <- function(table, stated) {
  call <- sys.call()
  if (is.data.frame(table)) table <- as.matrix(table)
  if (is.null(dim(table))) table <- matrix(table, nrow = 1L, dimnames = list(NULL, names(table)))
  if (is.data.frame(stated)) stated <- unlist(stated)
  if (!is.numeric(table) || length(dim(table)) != 2L) {
    .yr_input_error("table must be a numeric matrix or data frame", call, "table")
  }
  res <- .yr_check(yr_r_check_totals(table, nrow(table), ncol(table), stated), call)
  cn <- colnames(table)
  if (is.null(cn)) cn <- as.character(seq_len(ncol(table)))
  df <- data.frame(
    column = cn, stated = as.double(stated), sum = res$sums,
    matches = res$sums == as.double(stated)
  )
  attr(df, "mismatched") <- res$mismatched
  df
}
