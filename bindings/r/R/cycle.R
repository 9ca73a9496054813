# The yearly cycle (include/yrkesresa/cycle.h): invoice statements per municipality and checks
# of a column against its parts. Every number comes from C (yr_statement, yr_check_parts); this
# file maps labels to positions and shapes the results as data frames.

# Weights for a statement: a named vector (one year) or a matrix / data frame with one numeric
# column per year (row names, or a character column `municipality`, name the parties).
.yr_statement_weights <- function(weights, call) {
  if (!is.data.frame(weights) && is.null(dim(weights))) {
    w <- .yr_weights(weights, call)
    labels <- if (is.null(names(w))) seq_along(w) else names(w)
    return(list(m = unname(w), years = 1L, labels = labels))
  }
  labels <- rownames(weights)
  if (is.data.frame(weights) && .row_names_info(weights) < 0) labels <- NULL
  if (is.data.frame(weights) && "municipality" %in% names(weights)) {
    labels <- .yr_trim(as.character(weights$municipality))
    weights <- weights[names(weights) != "municipality"]
  }
  m <- as.matrix(weights)
  if (!is.numeric(m)) {
    .yr_input_error("weights must have numeric columns, one per year", call, "weights")
  }
  if (is.null(labels)) labels <- seq_len(nrow(m))
  .yr_unique_names(stats::setNames(seq_along(labels), labels), "weights", call)
  years <- if (is.null(colnames(m))) seq_len(ncol(m)) else colnames(m)
  list(m = unname(m), years = years, labels = labels)
}

# Fees or kickbacks lined up with the parties: in order, or named by municipality (absent: 0),
# joined by the municipality identity (yr_identity_key: fees for "Falu kommun" are Falun's).
.yr_per_party <- function(x, labels, what, call) {
  if (is.null(x) || is.null(names(x))) {
    return(x)
  }
  given <- .yr_trim(names(x))
  .yr_unique_names(stats::setNames(x, given), what, call)
  key <- function(v) if (is.character(v)) .yr_identity_keys(v, call) else as.character(v)
  at <- match(key(given), key(labels))
  if (anyNA(at)) {
    .yr_input_error(sprintf("%s for \"%s\", which has no weight", what, given[is.na(at)][1]),
                    call, what)
  }
  if (anyDuplicated(at)) {
    i <- anyDuplicated(at)
    .yr_input_error(sprintf("%s for \"%s\" and \"%s\", one municipality; give one", what,
                            given[match(at[i], at)], given[i]), call, what)
  }
  out <- rep(0, length(labels))
  out[at] <- x
  out
}

# An invoice statement per municipality (yr_statement): the agreement items split by
# population (year by year), each municipality's total and, with fees and kickbacks (or a pot
# settlement), the fees, kickback and the net amount to invoice (total + fees - kickback).
yr_statement <- function(items, weights, year = NULL, fees = NULL, kickback = NULL, pot = NULL,
                         other_parties = FALSE) {
  call <- sys.call()
  if (is.data.frame(items)) items <- unlist(items)
  w <- .yr_statement_weights(weights, call)
  if (is.character(w$labels)) { # one identity per party, rule 6 (yr_read_classify)
    res <- c_yr_r_read_classify(w$labels, list(), list(totals = "check",
                                                      other_parties = other_parties))
    if (is.list(res)) .yr_read_stop(res, "", call, "weights")
  }
  codes <- NULL
  if (!is.null(year)) {
    # A year's label, else (a number that is no label) its position among the weights' columns.
    codes <- match(as.character(year), as.character(w$years))
    if (is.numeric(year)) codes[is.na(codes)] <- year[is.na(codes)]
    if (anyNA(codes)) {
      i <- which(is.na(codes))[1]
      .yr_input_error(sprintf(
        "unknown year \"%s\" in year[%d]; the weights have %s", year[i], i,
        paste(w$years, collapse = ", ")
      ), call, "year", i)
    }
  }
  if (!is.null(pot)) {
    fees <- stats::setNames(pot$fees, pot$municipality)
    kickback <- stats::setNames(pot$kickback, pot$municipality)
  }
  # One of the two alone: the other is 0 for every municipality.
  if (is.null(fees) != is.null(kickback)) {
    zero <- rep(0, length(w$labels))
    if (is.null(fees)) fees <- zero else kickback <- zero
  }
  fees <- .yr_per_party(fees, w$labels, "fees", call)
  kickback <- .yr_per_party(kickback, w$labels, "kickback", call)
  res <- c_yr_statement_where(list(items, codes), w$m, fees, kickback)
  item_names <- if (!is.null(names(items))) names(items) else paste0("item", seq_along(items))
  df <- data.frame(municipality = w$labels, stringsAsFactors = FALSE)
  df[item_names] <- as.data.frame(res$items)
  df$total <- res$rows$total
  if (!is.null(fees) || !is.null(kickback)) df[c("fees", "kickback", "net")] <- res$rows[-1]
  attr(df, "sum") <- unlist(res$sum)
  attr(df, "year_totals") <- stats::setNames(
    data.frame(w$labels, res$year_totals, stringsAsFactors = FALSE),
    c("municipality", as.character(w$years))
  )
  attr(df, "year_sums") <- stats::setNames(res$year_sums, as.character(w$years))
  df
}

# The rows of `table` where column `whole` is not the sum of the columns `parts`
# (yr_check_parts): difference = sum of the parts - stated. Columns by name or 1-based number.
yr_check_parts <- function(table, whole, parts, labels = NULL) {
  call <- sys.call()
  if (!is.data.frame(table) && !is.matrix(table)) {
    .yr_input_error("table must be a matrix or data frame", call, "table")
  }
  col_of <- function(x, what) {
    j <- if (is.character(x)) match(x, colnames(table)) else x
    if (!is.numeric(j) || anyNA(j)) {
      i <- which(is.na(j))[1]
      .yr_input_error(sprintf("%s: no column \"%s\"", what, x[i]), call, what, i)
    }
    j
  }
  wi <- col_of(whole, "whole")
  pi <- col_of(parts, "parts")
  # Only the named columns are read (C sums parts and compares with whole): the others are 0,
  # so label columns may be text and the column numbers stay the table's own.
  m <- matrix(0, nrow(table), ncol(table))
  for (j in unique(c(wi, pi))) {
    if (j < 1 || j > ncol(table)) next # C names the bad column
    v <- if (is.data.frame(table)) table[[j]] else table[, j]
    if (!is.numeric(v)) {
      .yr_input_error(sprintf("column %d of table is not numeric", j), call, "table")
    }
    m[, j] <- v
  }
  res <- c_yr_check_parts_where(m, wi, pi)
  row_labels <- .yr_labels_arg(labels, table, nrow(table), call)
  if (is.null(row_labels)) row_labels <- rownames(table)
  if (is.null(row_labels)) row_labels <- seq_len(nrow(table))
  bad <- res$diff != 0
  df <- data.frame(
    row = which(bad), label = row_labels[bad], stated = m[bad, wi],
    sum = res$part_sums[bad], difference = res$diff[bad], stringsAsFactors = FALSE
  )
  attr(df, "checked") <- nrow(table)
  attr(df, "mismatched") <- res$mismatched
  df
}
