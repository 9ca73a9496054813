# Fractions, percent -> count, labels and total rows: each rule is the C library's (number.h,
# labels.h); this file only maps vectors over it.

# A fraction num/den from a double (its shortest decimal: 0.3 is 3/10, 0.1 + 0.2 is
# 30000000000000004/10^17, as in Python) or from text ("0,3", "30 %", "3/10").
yr_fraction <- function(x) {
  if (is.character(x)) yr_fraction_from_text(x) else yr_fraction_from_double(x)
}

# The C library's two readers under their own names (yr_fraction_from_text,
# yr_fraction_from_double): c(num =, den =), not reduced.
yr_fraction_from_text <- function(text) {
  res <- c_yr_fraction_from_text_where(text)
  c(num = res$num, den = res$den)
}

yr_fraction_from_double <- function(x) {
  res <- c_yr_fraction_from_double_where(x)
  c(num = res$num, den = res$den)
}

# yr_label_trim under its C name: the label trimmed by the library's rule. yr_label_is_total:
# whether the label names no party by the reader's rule for a row among municipalities (a total
# "Summa", "Totalt"; the nation "Riket"; a county by one of its forms "Dalarnas län", "20
# Dalarnas län"), not the core's yr_label_is_total, which takes any "... län" for a county:
# "Region Jönköpings län" is a party (FALSE).
yr_label_trim <- function(label) .yr_trim(label)
yr_label_is_total <- function(label) .yr_is_total(label, sys.call())

# The whole count each stated percentage of n stands for (half away from zero), with attribute
# "exact": FALSE where no whole count gives that percentage as it was written.
yr_count_from_percent <- function(percent, n) {
  call <- sys.call()
  a <- .yr_recycle(list(percent = percent, n = n), call)
  res <- .yr_each(length(a$n), function(i) {
    unlist(c_yr_count_from_percent_where(a$percent[i], a$n[i]))
  })
  m <- matrix(as.double(unlist(res)), ncol = 2L, byrow = TRUE)
  out <- m[, 1]
  names(out) <- names(percent)
  attr(out, "exact") <- m[, 2] != 0
  out
}

# Labels trimmed by yr_label_trim (blanks, tabs, line ends, no-break and other Unicode spaces),
# byte for byte otherwise; NA stays NA. Trims each distinct label once.
.yr_trim <- function(x) {
  u <- unique(x)
  trimmed <- vapply(u, function(s) {
    if (is.na(s)) {
      return(NA_character_)
    }
    r <- c_yr_label_trim(s)
    bytes <- charToRaw(s)
    out <- rawToChar(bytes[seq_len(r[[1]]) + r$start])
    Encoding(out) <- Encoding(s)
    out
  }, "", USE.NAMES = FALSE)
  trimmed[match(x, u)]
}

# Warn (class "yrkesresa_total_row_warning") when one weight equals the sum of all the others
# (yr_find_total_row): a total row read with the parties would halve every share.
.yr_warn_total_row <- function(weights, what, call) {
  if (!is.numeric(weights) || anyNA(weights)) {
    return(invisible(NULL))
  }
  i <- tryCatch(c_yr_find_total_row(weights), yrkesresa_error = function(e) NA)
  if (!is.na(i)) {
    label <- if (!is.null(names(weights))) sprintf(" (\"%s\")", names(weights)[i]) else ""
    warning(structure(
      class = c("yrkesresa_total_row_warning", "warning", "condition"),
      list(
        message = sprintf(
          "%s[%d]%s equals the sum of all the others: it looks like a total row, not a party (drop it: %s[-%d])",
          what, i, label, what, i
        ),
        call = .yr_called(call), index = i
      )
    ))
  }
  invisible(NULL)
}
