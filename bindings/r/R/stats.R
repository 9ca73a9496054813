# Participation statistics (SPEC 4). Wilson intervals, verdicts, counts and sums are computed in
# C; this file recycles arguments, maps factors to codes and shapes the results.

.yr_keep_names <- function(df, x) .yr_labelled(df, names(x))

# Call f(i) for i in 1..n (a scalar C function over recycled vectors). A failure keeps the C
# library's sentence; a vectorised call adds which element, and an NA share (R's own value, which
# reaches C as NaN) is said to be NA.
.yr_each <- function(n, f, shares = list()) {
  i <- 0L
  withCallingHandlers(
    lapply(seq_len(n), function(k) {
      i <<- k
      f(k)
    }),
    yrkesresa_error = function(e) {
      na <- Filter(function(w) length(shares[[w]][i]) == 1L && is.na(shares[[w]][i]), names(shares))
      at <- if (n > 1L) i else 0L
      if (length(na) > 0L) {
        e$message <- sprintf("%s is NA", .yr_element(na[1], at))
        e$what <- na[1]
        e$index <- as.double(at)
        stop(e)
      }
      if (n > 1L && identical(e$index, 0)) {
        msg <- conditionMessage(e)
        e$message <- if (nzchar(e$what) && startsWith(msg, paste0(e$what, " is NA"))) {
          paste0(.yr_element(e$what, i), substring(msg, nchar(e$what) + 1L)) # "successes[2] is NA"
        } else {
          paste0(msg, sprintf(" (element %d)", i))
        }
        e$index <- as.double(i)
        stop(e)
      }
    }
  )
}

yr_proportion <- function(successes, trials, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(successes = successes, trials = trials, confidence = confidence), call)
  res <- .yr_each(length(a$successes), function(i) {
    unlist(c_yr_proportion_where(a$successes[i], a$trials[i], a$confidence[i]))
  }, a["confidence"])
  m <- matrix(as.double(unlist(res)), ncol = 3L, byrow = TRUE)
  df <- data.frame(
    successes = as.double(a$successes), trials = as.double(a$trials),
    share = m[, 1], low = m[, 2], high = m[, 3]
  )
  .yr_keep_names(df, successes)
}

yr_goal_check <- function(yes, n, target, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(yes = yes, n = n, target = target, confidence = confidence), call)
  verdicts <- .yr_each(length(a$yes), function(i) {
    c_yr_goal_check_where(a$yes[i], a$n[i], a$target[i], a$confidence[i])
  }, a[c("target", "confidence")])
  out <- factor(as.character(unlist(verdicts)), levels = .yr_enum_names(c_yr_goal_name))
  if (length(names(yes)) == length(out)) names(out) <- names(yes)
  out
}

yr_coverage <- function(count, population, per = 1000, confidence = 0.95) {
  call <- sys.call()
  a <- .yr_recycle(list(
    count = count, population = population, per = per, confidence = confidence
  ), call)
  res <- .yr_each(length(a$count), function(i) {
    unlist(c_yr_coverage_where(a$count[i], a$population[i], a$per[i], a$confidence[i]))
  }, a["confidence"])
  m <- matrix(as.double(unlist(res)), ncol = 3L, byrow = TRUE)
  df <- data.frame(
    count = as.double(a$count), population = as.double(a$population),
    rate = m[, 1], low = m[, 2], high = m[, 3]
  )
  .yr_keep_names(df, count)
}

# Categories as 1-based codes: a factor's codes and levels; a character vector as factor(x);
# positive whole numbers as they are (n defaults to their maximum).
.yr_categories <- function(x, n, what, call) {
  if (is.character(x)) x <- factor(.yr_trim(x))
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
  m <- c_yr_crosstab_where(list(row = r$codes, col = k$codes), r$n, k$n)
  if (!is.null(r$labels) || !is.null(k$labels)) dimnames(m) <- list(r$labels, k$labels)
  m
}

yr_count_by <- function(group, ngroups = NULL) {
  call <- sys.call()
  g <- .yr_categories(group, ngroups, "group", call)
  if (is.na(g$n)) g$n <- 1
  out <- c_yr_count_by_where(g$codes, g$n)
  names(out) <- g$labels
  out
}

.yr_rates_frame <- function(r, first, second) {
  df <- data.frame(r$successes, r$trials, share = r$share, low = r$low, high = r$high)
  names(df)[1:2] <- c(first, second)
  df
}

yr_attendance_rate <- function(registered, attended = NULL, confidence = 0.95, labels = NULL) {
  call <- sys.call()
  if (is.data.frame(registered) && is.null(attended)) {
    frame <- registered
    registered <- stats::setNames(frame$registered, .yr_labels_arg(labels, frame, nrow(frame), call))
    attended <- frame$attended
  } else if (!is.null(labels)) {
    names(registered) <- .yr_labels_arg(labels, NULL, length(registered), call)
  }
  .yr_warn_total_row(registered, "registered", call)
  res <- c_yr_attendance_rate_where(list(registered = registered, attended = attended), confidence)
  df <- .yr_rates_frame(res$per_course, "attended", "registered")
  df <- df[c("registered", "attended", "share", "low", "high")]
  df <- .yr_keep_names(df, registered)
  total <- .yr_rates_frame(res$total, "attended", "registered")
  attr(df, "total") <- total[c("registered", "attended", "share", "low", "high")]
  class(df) <- c("yr_attendance", "data.frame")
  df
}

print.yr_attendance <- function(x, ...) {
  .yr_print_frame(structure(x, class = "data.frame", total = NULL), ...)
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
  res <- c_yr_progression_where(completed, confidence)
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
  res <- c_yr_check_totals_where(table, stated)
  cn <- colnames(table)
  if (is.null(cn)) cn <- as.character(seq_len(ncol(table)))
  df <- data.frame(
    column = cn, stated = as.double(stated), sum = res$sums,
    matches = res$sums == as.double(stated)
  )
  attr(df, "mismatched") <- res$mismatched
  df
}
