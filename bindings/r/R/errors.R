# Conditions. Every failure of the C library or of the conversion layer (src/yr_r_glue.c) is
# raised here, with class c("yrkesresa_error", "error", "condition") and the C status name in
# the field `status`. Refused input (NA, Inf, non-whole numbers, |x| > 2^53, wrong types or
# lengths) is a "yrkesresa_input_error" in front of those classes, with status "YR_ERR_RANGE".

# Conversion codes of src/yr_r_glue.h (negative; a C yr_status is >= 1).
.YR_R_NOT_NUMBER <- -1L
.YR_R_NA <- -2L
.YR_R_INFINITE <- -3L
.YR_R_FRACTION <- -4L
.YR_R_BEYOND_2_53 <- -5L
.YR_R_RESULT_2_53 <- -6L
.YR_R_BAD_INDEX <- -7L
.YR_R_LENGTH <- -8L
.YR_R_NOT_STRING <- -9L
.YR_R_FACTOR <- -10L

.yr_condition <- function(message, status, call, input = FALSE, ...) {
  code <- match(status, .yr_status_names()) - 1L
  structure(
    class = c(if (input) "yrkesresa_input_error", "yrkesresa_error", "error", "condition"),
    list(message = message, call = call, status = status, code = code, ...)
  )
}

# Names of the yr_status values, in code order, from the C library (via SWIG).
.yr_status_names <- function() {
  codes <- sort(.__E___yr_status)
  vapply(codes, c_yr_status_name, "", USE.NAMES = FALSE)
}

# Raise the condition for refused input. `what` names the argument, `index` the element.
.yr_input_error <- function(message, call, what = "", index = 0) {
  stop(.yr_condition(message, "YR_ERR_RANGE", call, input = TRUE, what = what, index = index))
}

.yr_element <- function(what, index) {
  if (index > 0) sprintf("%s[%s]", what, format(index, scientific = FALSE)) else what
}

# Turn a "yrkesresa_failure" from the .Call layer into a condition; return anything else.
.yr_check <- function(res, call, context = NULL) {
  if (!inherits(res, "yrkesresa_failure")) {
    return(res)
  }
  code <- as.integer(unclass(res))
  what <- attr(res, "what")
  index <- attr(res, "index")
  el <- .yr_element(what, index)
  if (code > 0L) {
    message <- c_yr_strerror(code)
    if (!is.null(context)) {
      message <- paste0(message, ": ", context)
    } else if (index > 0) {
      message <- sprintf("%s (element %s)", message, format(index, scientific = FALSE))
    }
    stop(.yr_condition(message, c_yr_status_name(code), call, what = what, index = index))
  }
  if (code == .YR_R_RESULT_2_53) {
    stop(.yr_condition(
      "a result is beyond 2^53 in magnitude and cannot be returned exactly as an R number",
      "YR_ERR_OVERFLOW", call
    ))
  }
  message <- switch(as.character(code),
    "-1" = sprintf("%s must be a numeric vector (double or integer)", what),
    "-2" = sprintf("%s is NA", el),
    "-3" = sprintf("%s is infinite", el),
    "-4" = sprintf("%s is not a whole number (amounts and counts are never rounded)", el),
    "-5" = sprintf("%s is beyond 2^53 in magnitude: R cannot hold it exactly, so it is refused", el),
    "-7" = if (index > 0) {
      sprintf("%s must be a 1-based index (>= 1)", el)
    } else {
      sprintf("%s must be at least 1", what)
    },
    "-8" = sprintf("%s has the wrong length", what),
    "-9" = sprintf("%s must be a single character string", what),
    "-10" = sprintf(
      "%s is a factor, not a numeric vector: its level codes are not amounts (use as.numeric(as.character(%s)))",
      what, what
    ),
    sprintf("conversion failure %d in %s", code, el)
  )
  .yr_input_error(message, call, what, index)
}

# Recycle arguments to a common length: each must have length 1 or the longest length.
.yr_recycle <- function(args, call) {
  lens <- lengths(args)
  n <- if (any(lens == 0L)) 0L else max(lens)
  bad <- lens != 1L & lens != n
  if (any(bad)) {
    .yr_input_error(sprintf(
      "%s has length %d; every argument must have length 1 or %d",
      names(args)[bad][1], lens[bad][1], n
    ), call, names(args)[bad][1])
  }
  lapply(args, function(a) if (length(a) == n) a else rep_len(a, n))
}

.yr_double <- function(x, what, call) {
  if (!is.numeric(x)) {
    .yr_input_error(sprintf("%s must be numeric", what), call, what)
  }
  as.double(x)
}

# Results are named like the input: two parties with one name would make them ambiguous (and
# usually mean a row was entered twice). Empty and NA names are not compared.
.yr_unique_names <- function(x, what, call) {
  nm <- names(x)
  if (is.null(nm)) {
    return(invisible(NULL))
  }
  nm <- nm[!is.na(nm) & nm != ""]
  dup <- anyDuplicated(nm)
  if (dup > 0) {
    .yr_input_error(sprintf(
      "%s has the name \"%s\" twice: duplicate names are refused", what, nm[dup]
    ), call, what, match(nm[dup], names(x)))
  }
  invisible(NULL)
}
