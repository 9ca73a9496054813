# The table reader (libyrkesresa-read, yrkesresa/read.h) for R: yr_read_table(). Every decision
# (header, roles, each line's kind, the number grammar, units, shares, dates, aggregates and
# their checks, identities) is the C reader's, the same as the program's and Python's; this file
# only builds the data frame (src/yr_r_read.c hands the reader's result over).

# Raise the reader's error: class c("yrkesresa_read_error", "yrkesresa_error", "error",
# "condition"), the message "FILE:LINE: " (FILE:CELL for an xlsx cell) and the reader's
# sentence; fields status, code, line, other_line, cell, what.
.yr_read_stop <- function(res, name, call, what = "") {
  where <- if (nzchar(res$cell_ref)) res$cell_ref else if (res$line > 0) format(res$line) else ""
  prefix <- if (!nzchar(name)) "" else if (nzchar(where)) {
    sprintf("%s:%s: ", name, where)
  } else {
    paste0(name, ": ")
  }
  stop(structure(
    class = c("yrkesresa_read_error", "yrkesresa_error", "error", "condition"),
    list(
      message = paste0(prefix, res$message), call = .yr_called(call), status = res$status,
      code = res$code, line = res$line, other_line = res$other_line,
      cell = if (nzchar(res$cell_ref)) res$cell_ref else NA_character_, what = what,
      index = res$line, column = res$column
    )
  ))
}

# One column of the data frame: character cells, or the reader's exact values (num / den):
# numbers as doubles (whole numbers exact; a column with fractions also carries its exact
# numerators and denominators in attributes "num" and "den"), dates as Date, yes/no as logical.
.yr_read_column <- function(kind, col, rows) {
  if (is.character(col)) {
    return(col[rows])
  }
  num <- col$num[rows]
  den <- col$den[rows]
  if (kind == "date") {
    return(as.Date(num %/% den, origin = "1970-01-01"))
  }
  if (kind == "bool") {
    return(num != 0)
  }
  v <- num / den
  if (any(den != 1, na.rm = TRUE)) {
    attr(v, "num") <- num
    attr(v, "den") <- den
  }
  v
}

.yr_read_options <- function(sheet, header_row, year, columns, want, totals, other_parties,
                             call) {
  whole <- function(x, what) {
    if (is.null(x)) {
      return(NULL)
    }
    if (!is.numeric(x) || length(x) != 1L || is.na(x) || x != round(x) || x < 1) {
      .yr_input_error(sprintf("%s must be one whole number counted from 1", what), call, what)
    }
    as.double(x)
  }
  if (!is.null(sheet) && !((is.character(sheet) || is.numeric(sheet)) && length(sheet) == 1L)) {
    .yr_input_error("sheet must be a sheet's name or its number counted from 1", call, "sheet")
  }
  if (is.numeric(sheet)) sheet <- format(whole(sheet, "sheet"), scientific = FALSE)
  if (!is.null(columns) && !is.null(names(columns))) {
    columns <- paste0(names(columns), "=", unname(columns))
  }
  for (what in c("columns", "want", "totals")) {
    v <- get(what)
    if (!is.null(v) && (!is.character(v) || anyNA(v))) {
      .yr_input_error(sprintf("%s must be character", what), call, what)
    }
  }
  if (length(totals) != 1L || !totals %in% c("check", "ignore", "no_guess")) {
    .yr_input_error(
      "totals must be \"check\", \"ignore\" (leave a disagreeing total out, unchecked) or \"no_guess\"",
      call, "totals"
    )
  }
  if (!is.logical(other_parties) || length(other_parties) != 1L || is.na(other_parties)) {
    .yr_input_error("other_parties must be TRUE or FALSE", call, "other_parties")
  }
  list(
    sheet = sheet, header_row = whole(header_row, "header_row"), year = whole(year, "year"),
    columns = as.character(columns), want = as.character(want), totals = totals,
    other_parties = other_parties
  )
}

# Read a table (CSV/TSV in UTF-8, UTF-16 or Windows-1252, xlsx, SCB PxWeb exports) the way the
# yrkesresa program reads it: a data frame of its data rows (row names: their lines), with the
# reading in attr(, "reading"). See man/yr_read_table.Rd.
yr_read_table <- function(path, sheet = NULL, header_row = NULL, year = NULL, columns = NULL,
                          want = NULL, totals = "check", other_parties = FALSE) {
  call <- sys.call()
  opts <- .yr_read_options(sheet, header_row, year, columns, want, totals, other_parties, call)
  if (is.raw(path)) {
    data <- path
    name <- "<raw>"
  } else if (is.character(path) && length(path) == 1L && !is.na(path)) {
    name <- path
    data <- readBin(path, "raw", n = file.info(path)$size)
  } else {
    .yr_input_error("path must be a file name or a raw vector", call, "path")
  }
  res <- c_yr_r_read_table(data, opts)
  if (isTRUE(res$error)) .yr_read_stop(res, name, call)
  .yr_read_frame(res)
}

.yr_read_frame <- function(res) {
  rows <- which(res$row_kinds == "data")
  kinds <- ifelse(vapply(res$columns, is.character, NA), "text", res$column_kinds)
  cols <- Map(function(k, col) .yr_read_column(k, col, rows), kinds, res$columns)
  df <- structure(unname(cols), names = res$header, class = "data.frame",
                  row.names = as.integer(res$lines[rows]))
  aggr <- which(res$row_kinds != "data")
  roles <- stats::setNames(res$roles, res$header)
  chk <- res$checks
  attr(df, "reading") <- list(
    text = res$reading, text_sv = res$reading_sv, roles = roles[roles != "none"],
    kinds = res$row_kinds, lines = res$lines,
    codes = if (all(is.na(res$codes))) NULL else res$codes[rows],
    aggregates = data.frame(line = res$lines[aggr], kind = res$row_kinds[aggr],
                            stringsAsFactors = FALSE),
    aggregate_values = lapply(stats::setNames(res$columns, res$header), function(col) {
      if (is.character(col)) col[aggr] else col$num[aggr] / col$den[aggr]
    }),
    checks = data.frame(column = res$header[chk$column], line = chk$line, kind = chk$kind,
                        checked = chk$checked != 0, stated = chk$stated / chk$den,
                        sum = chk$sum / chk$den, stringsAsFactors = FALSE),
    spans = as.data.frame(res$spans, stringsAsFactors = FALSE),
    format = res$format,
    units = stats::setNames(res$units, res$header)[!is.na(res$units)]
  )
  df
}

# Each row's kind ("data", "total", ...) by the reader's rules (yr_read_classify), as
# yr_read_table decides them for a file; errors are the reader's (a disagreeing total, one
# municipality twice, an unknown name among municipalities). The labels: `labels`, else
# .yr_label_column's, else character row names; NULL when there are none.
# A weight column of codes, ids or years is refused.
# The column that labels a data frame's rows by the reader's one rule (yr_label_column_of, as
# yr_table_label_column for a file): the first column named as the municipality, else the first
# named as a course, an item or a question; NA when none (the row names label the rows).
.yr_label_column <- function(data) c_yr_r_label_column(as.character(names(data)))

# The row of the total of a table being checked, by the library's rule (yr_checked_total_row, as
# `stats check` and `pot --check` take it): the total row (Summa, Totalt, ...), else the one
# county or nation row when it is the only aggregate ("Dalarnas län" ending an SCB table); NA
# when there is none. Two total rows are the library's error naming both rows.
.yr_checked_total_row <- function(labels, call) {
  res <- c_yr_r_checked_total_row(as.character(labels))
  if (is.list(res)) {
    res$message <- sprintf("%s (rows of the data frame, counted from 1)", res$message)
    .yr_read_stop(res, "", call, "labels")
  }
  res
}

.yr_frame_kinds <- function(data, weights, labels, call, totals = "check", other_parties = FALSE) {
  .yr_read_options(NULL, NULL, NULL, NULL, NULL, totals, other_parties, call)
  for (w in weights) {
    refusal <- c_yr_r_code_column(w, "weight")
    if (!is.na(refusal)) {
      .yr_read_stop(list(status = "YR_READ_ERR_HEADER", code = 4L, line = 0, other_line = 0,
                         cell_ref = "", column = 0, message = refusal), "", call, "weights")
    }
  }
  if (is.null(labels)) {
    col <- .yr_label_column(data)
    labels <- if (!is.na(col)) as.character(data[[col]]) else {
      rn <- attr(data, "row.names")
      if (is.character(rn)) rn else NULL
    }
  }
  if (is.null(labels)) {
    return(NULL)
  }
  # Only plain numbers: a factor's level codes (or a date's days) are no weights to guess a
  # total row from; the split refuses such a column in its own words ("is a factor").
  plain <- function(w) if (is.numeric(data[[w]]) && !is.object(data[[w]])) as.double(data[[w]])
  cols <- Filter(function(v) is.numeric(v) && !anyNA(v) && all(v == round(v)) &&
    all(abs(v) <= 2^53), lapply(weights, plain))
  labels[is.na(labels)] <- ""
  res <- c_yr_r_read_classify(as.character(labels), cols,
                              list(totals = totals, other_parties = other_parties))
  if (is.list(res)) {
    res$message <- sprintf("%s (row %d of the data frame, rows and lines counted from 1)",
                           res$message, as.integer(res$line))
    .yr_read_stop(res, "", call, "data")
  }
  res
}
