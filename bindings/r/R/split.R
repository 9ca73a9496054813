# Cost split, mixed model, audit, version and method names (SPEC 1, 2).
# Every rule runs in C (through the SWIG-generated c_yr_* functions); this file only shapes
# arguments and results.

yr_version <- function() {
  c_yr_version()
}

yr_methods <- function() {
  .yr_enum_names(c_yr_method_name)
}

# Weights as the C layer takes them: names trimmed (yr_label_trim), duplicate names refused, a
# total row warned about.
.yr_weights <- function(weights, call) {
  if (!is.null(names(weights))) names(weights) <- .yr_trim(names(weights))
  .yr_unique_names(weights, "weights", call)
  .yr_warn_total_row(weights, "weights", call)
  weights
}

# A name argument (method, tie): one string; the C side says whether it is known.
.yr_name_arg <- function(x, what, call) {
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    .yr_input_error(sprintf("%s must be a single character string (a name)", what), call, what)
  }
  x
}

yr_split <- function(total, weights, method = "largest_remainder") {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  .yr_name_arg(method, "method", call)
  out <- c_yr_split(total, w, method)
  names(out) <- names(w)
  out
}

yr_split_mixed <- function(total, weights, equal_part) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  out <- c_yr_split_mixed(total, equal_part, w)
  names(out) <- names(w)
  out
}

yr_audit <- function(stated_total, weights, published) {
  call <- sys.call()
  .yr_unique_names(weights, "weights", call)
  .yr_unique_names(published, "published", call)
  res <- c_yr_audit_split(stated_total, list(weights = weights, published = published))
  s <- res$summary
  mask <- s$methods_matching
  methods <- yr_methods()
  s$methods_matching <- methods[bitwAnd(mask, 2^(seq_along(methods) - 1)) != 0]
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
