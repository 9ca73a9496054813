# Conditions. Every failure is an R condition of class c("yrkesresa_error", "error",
# "condition") with the C status name in `status`, its number in `code`, the argument in `what`
# and the 1-based element in `index` (0: none) and `column` (tables; 0: none). Refused input
# (NA, Inf, non-whole numbers, |x| > 2^53, wrong types or lengths) is a "yrkesresa_input_error"
# in front of those classes, with status "YR_ERR_RANGE". The conditions of the C library and of
# the typemaps' conversions are built in C (src/yr_r_glue.c) and signalled by .yr_stop; the few
# checks of R shapes (data frame columns, recycling, duplicate names) use .yr_input_error.

# Called from C with the condition: adds the call of the public function and signals it.
.yr_stop <- function(cond) {
  cond$call <- .yr_public_call()
  stop(cond)
}

# The outermost call of an exported function of this package on the stack (NULL if none).
.yr_public_call <- function() {
  exports <- getNamespaceExports(environment(.yr_stop))
  for (cl in sys.calls()) {
    f <- cl[[1]]
    if (is.call(f) && identical(f[[1]], as.name("::"))) f <- f[[3]]
    if (is.name(f) && as.character(f) %in% exports) {
      return(cl)
    }
  }
  NULL
}

# The call to name in a condition: the package function the user called (the outermost on the
# stack: yr_split_frame, not the yr_split it calls), else `call`.
.yr_called <- function(call) {
  outer <- .yr_public_call()
  if (is.null(outer)) call else outer
}

# The number of a status name, from the C library.
.yr_status_code <- function(status) {
  for (code in 0:63) {
    if (identical(c_yr_status_name(code), status)) {
      return(code)
    }
  }
  NA_integer_
}

# Raise the condition for input refused by the R layer. `what` names the argument, `index` the
# element.
.yr_input_error <- function(message, call, what = "", index = 0) {
  call <- .yr_called(call)
  stop(structure(
    class = c("yrkesresa_input_error", "yrkesresa_error", "error", "condition"),
    list(
      message = message, call = call, status = "YR_ERR_RANGE",
      code = .yr_status_code("YR_ERR_RANGE"), what = what, index = index, column = 0
    )
  ))
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

# Names of a C enum, from its yr_*_name function: codes 0, 1, ... until it returns NULL.
.yr_enum_names <- function(name_of) {
  out <- character()
  repeat {
    nm <- name_of(length(out))
    if (is.null(nm)) {
      return(out)
    }
    out <- c(out, nm)
  }
}

# "weights[2]", or "weights" when index is 0.
.yr_element <- function(what, index) {
  if (index > 0) sprintf("%s[%s]", what, format(index, scientific = FALSE)) else what
}

# Print a result data frame; its `label` column stands for the row names.
.yr_print_frame <- function(x, ...) {
  if ("label" %in% names(x)) print(x, row.names = FALSE, ...) else print(x, ...)
}

# as.data.frame() of a result: the plain data frame (the extra class and the attributes that
# its print method shows, e.g. "summary", dropped).
.yr_plain <- function(x, ...) {
  for (a in c("summary", "undistributed", "total", "groups")) attr(x, a) <- NULL
  class(x) <- "data.frame"
  x
}
as.data.frame.yr_audit <- function(x, ...) .yr_plain(x)
as.data.frame.yr_pot_settlement <- function(x, ...) .yr_plain(x)
as.data.frame.yr_attendance <- function(x, ...) .yr_plain(x)
as.data.frame.yr_nested <- function(x, ...) .yr_plain(x)
# The rules as one row per role: fee, pot part and the role's share.
as.data.frame.yr_pot_rules <- function(x, ...) {
  data.frame(role = names(x$shares), fee = x$fee, pot_part = x$pot_part, share = unname(x$shares))
}
