# Cost split, mixed model, audit, version and method names (SPEC 1, 2).
# Every rule runs in C; this file only shapes arguments and results.

yr_version <- function() {
  c_yr_version()
}

yr_methods <- function() {
  codes <- sort(.__E___yr_method)
  vapply(codes, c_yr_method_name, "", USE.NAMES = FALSE)
}

.yr_method_context <- function(method) {
  sprintf(
    "unknown method \"%s\" (methods: %s)", paste(method, collapse = " "),
    paste(yr_methods(), collapse = ", ")
  )
}

yr_split <- function(total, weights, method = "largest_remainder") {
  call <- sys.call()
  .yr_unique_names(weights, "weights", call)
  res <- yr_r_split(total, weights, method)
  if (inherits(res, "yrkesresa_failure") && identical(attr(res, "what"), "method") &&
    unclass(res) > 0L) {
    .yr_check(res, call, .yr_method_context(method))
  }
  out <- .yr_check(res, call)
  names(out) <- names(weights)
  out
}

# equal_part as c(numerator, denominator), or one number converted exactly through its shortest
# decimal form (0.3 is 3/10, the number the user wrote, not the binary double 0.299999...).
.yr_fraction <- function(x, call) {
  if (!is.numeric(x) || anyNA(x) || !all(is.finite(x)) || !(length(x) %in% 1:2)) {
    .yr_input_error(
      "equal_part must be one finite number or c(numerator, denominator)", call, "equal_part"
    )
  }
  if (length(x) == 2L) {
    return(x)
  }
  for (k in 0:15) {
    den <- 10^k
    num <- round(x * den)
    if (num / den == x) {
      return(c(num, den))
    }
  }
  .yr_input_error(sprintf(
    "equal_part = %s has no decimal form of at most 15 places; give it as c(numerator, denominator)",
    format(x, digits = 17)
  ), call, "equal_part")
}

yr_split_mixed <- function(total, weights, equal_part) {
  call <- sys.call()
  .yr_unique_names(weights, "weights", call)
  frac <- .yr_fraction(equal_part, call)
  out <- .yr_check(yr_r_split_mixed(total, frac[[1]], frac[[2]], weights), call)
  names(out) <- names(weights)
  out
}

yr_audit <- function(stated_total, weights, published) {
  call <- sys.call()
  .yr_unique_names(weights, "weights", call)
  .yr_unique_names(published, "published", call)
  res <- .yr_check(yr_r_audit(stated_total, weights, published), call)
  s <- as.list(res$summary)
  s$methods_matching <- res$methods
  rows <- res$rows
  nm <- if (!is.null(names(weights))) names(weights) else names(published)
  df <- data.frame(
    weight = as.double(weights),
    published = as.double(published),
    quota = rows$quota_whole + rows$quota_rem / s$quota_den,
    quota_whole = rows$quota_whole,
    quota_rem = rows$quota_rem,
    expected = rows$expected,
    diff = rows$diff,
    within_quota = rows$within_quota,
    row.names = if (!is.null(nm) && !anyDuplicated(nm) && !anyNA(nm) && all(nm != "")) nm else NULL
  )
  attr(df, "summary") <- s
  class(df) <- c("yr_audit", "data.frame")
  df
}

.yr_num <- function(x) format(x, scientific = FALSE, big.mark = " ")

print.yr_audit <- function(x, ...) {
  s <- attr(x, "summary")
  if (!is.null(s)) {
    cat(sprintf(
      "Published rows add to %s; the stated total is %s (difference %s).\n",
      .yr_num(s$published_sum), .yr_num(s$stated_total), .yr_num(s$sum_diff)
    ))
    cat(sprintf(
      "%d row(s) differ from largest remainder; %d row(s) are more than one unit from their quota.\n",
      as.integer(s$rows_differing), as.integer(s$rows_outside_quota)
    ))
    cat("Methods reproducing every row:", if (length(s$methods_matching)) {
      paste(s$methods_matching, collapse = ", ")
    } else {
      "none"
    }, "\n")
  }
  print(structure(x, class = "data.frame", summary = NULL), ...)
  invisible(x)
}
