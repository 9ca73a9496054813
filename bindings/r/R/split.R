# Cost split, mixed model, audit, version and method names (SPEC 1, 2).
# Every rule runs in C (through the SWIG-generated c_yr_* functions); this file only shapes
# arguments and results.

yr_version <- function() {
  c_yr_version()
}

yr_methods <- function() {
  .yr_enum_names(c_yr_method_name)
}

# Weights as the C layer takes them: names trimmed (yr_label_trim), duplicate names refused, then
# read by the reader's identity rule (.yr_check_names: "Falun" and "FALUN"), a total row warned
# about.
.yr_weights <- function(weights, call) {
  if (!is.null(names(weights))) names(weights) <- .yr_trim(names(weights))
  .yr_unique_names(weights, "weights", call)
  if (!is.null(names(weights))) .yr_check_names(names(weights), call)
  .yr_warn_total_row(weights, "weights", call)
  weights
}

# The names of weights by the reader's identity rule, as yr_split_frame reads a frame's labels
# (yr_identity_key, yr_read_classify): two names of one municipality ("Falun" and "FALUN",
# "Falun" and "Falu kommun") are an error in the reader's words, since both would be paid; so
# are "2080 Mora" and a statistic row ("Medelvärde"). Names that are no municipality are
# parties; the reader's near-miss rule ("Borlange" beside municipalities), which guards a
# table's joins, is not applied to a split's names.
.yr_check_names <- function(nm, call) {
  nm <- nm[!is.na(nm) & nm != ""]
  .yr_identity_keys(nm, call)
  res <- c_yr_r_read_classify(nm, list(), list(totals = "check", other_parties = TRUE))
  if (is.list(res) && !(res$status == "YR_READ_ERR_IDENTITY" && res$other_line == 0)) {
    .yr_read_stop(res, "", call, "weights") # with every identity good, only the near miss
  }
  invisible(NULL)
}

# The labels an argument `labels =` gives: NULL, the name of a column of `data`, or one label
# per row (`n`, a character, factor or numeric vector); trimmed (yr_label_trim). Anything else
# is an error: a labels argument is never ignored.
.yr_labels_arg <- function(labels, data, n, call) {
  if (is.null(labels)) {
    return(NULL)
  }
  column <- is.character(labels) && length(labels) == 1L && !is.null(data)
  if (column && labels %in% colnames(data)) {
    return(.yr_trim(as.character(if (is.data.frame(data)) data[[labels]] else data[, labels])))
  }
  if (!column && length(labels) == n && (is.atomic(labels) || is.factor(labels))) {
    return(.yr_trim(as.character(labels)))
  }
  .yr_input_error(sprintf(
    "labels must %sgive one label per row (%d), not %s", if (!is.null(data)) {
      "name a column of the data frame or "
    } else {
      ""
    }, n, if (column) sprintf("\"%s\", which is no column", labels) else {
      sprintf("a %s of length %d", class(labels)[1], length(labels))
    }
  ), call, "labels")
}

# A result data frame labelled like its input: a first column `label` (which
# tibble::as_tibble and dplyr keep) and, when the labels are unique, the row names.
.yr_labelled <- function(df, labels) {
  if (is.null(labels) || length(labels) != nrow(df)) {
    return(df)
  }
  labels <- as.character(labels)
  df <- data.frame(label = labels, df, check.names = FALSE, stringsAsFactors = FALSE)
  if (!anyDuplicated(labels) && !anyNA(labels) && all(labels != "")) {
    row.names(df) <- labels
  }
  df
}

# A name argument (method, tie): one string; the C side says whether it is known.
.yr_name_arg <- function(x, what, call) {
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    .yr_input_error(sprintf("%s must be a single character string (a name)", what), call, what)
  }
  x
}

yr_split <- function(total, weights, method = "largest_remainder", tie = "larger",
                     minimum = NULL, maximum = NULL, threshold = NULL, first_divisor = NULL) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  .yr_name_arg(method, "method", call)
  .yr_name_arg(tie, "tie", call)
  opt <- list(
    method = method, tie = tie, minimum = .yr_by_name(minimum, w, "minimum", call),
    maximum = .yr_by_name(maximum, w, "maximum", call), threshold = threshold,
    first_divisor = first_divisor
  )
  out <- c_yr_split_with_where(total, w, opt)
  names(out) <- names(w)
  out
}

# Per-party bounds in the order of the weights: matched by name when both have names.
.yr_by_name <- function(x, weights, what, call) {
  if (is.null(x) || is.null(names(x)) || is.null(names(weights))) {
    return(x)
  }
  .yr_unique_names(stats::setNames(x, .yr_trim(names(x))), what, call)
  i <- match(names(weights), .yr_trim(names(x)))
  if (anyNA(i)) {
    .yr_input_error(sprintf(
      "%s has no value for \"%s\"", what, names(weights)[which(is.na(i))[1]]
    ), call, what, which(is.na(i))[1])
  }
  x[i]
}

yr_split_mixed <- function(total, weights, equal_part) {
  call <- sys.call()
  w <- .yr_weights(weights, call)
  out <- c_yr_split_mixed_where(total, equal_part, w)
  names(out) <- names(w)
  out
}

# The data frame without its total rows: those whose label (column `labels`, or the row names)
# names no party by the reader's rule for a row among municipalities (yr_label_is_total: Summa,
# Totalt, Riket, "Dalarnas län", "20 Dalarnas län", ...; not "Region Jönköpings län", an
# organisation and a party). The first step with a table read straight from a published document.
yr_drop_total_rows <- function(data, labels = "municipality") {
  lab <- if (is.null(labels)) row.names(data) else .yr_labels_arg(labels, data, nrow(data), sys.call())
  data[!.yr_is_total(lab, sys.call()), , drop = FALSE]
}

# The reader's rule (yr_glue_label_is_total through c_yr_r_labels_total), asked once per distinct
# label; NA is no total. A code and a name that disagree ("2080 Mora") are an error.
.yr_is_total <- function(labels, call = sys.call(-1)) {
  u <- unique(as.character(labels))
  hit <- c_yr_r_labels_total(u)
  if (is.character(hit)) .yr_input_error(hit, call, "labels")
  hit[match(as.character(labels), u)]
}

# A copy of `data` with the split added: one amount (column `into`), several cost items (a named
# `total`: one column per item, yr_split_table) or a two-level split by the column `groups`
# (yr_split_nested; adds `into` and group_<into>). `...`: method and options of yr_split.
# `labels`: a column of `data` or one label per row; they name the parties (duplicates refused,
# a total row named in the warning) and become the row names; a vector is added as `label`.
#
# The rows are read by the reader's rules, as the program reads a file (yr_read_table): a total,
# subtotal, county or nation row (by its label or SCB code) is never a party and gets NA; one
# that disagrees with its rows is an error (totals = "ignore" leaves it out unchecked,
# "no_guess" stops taking an unlabelled sum row for a total); one municipality twice ("Falun",
# "FALUN") is an error, so is an unknown name among municipalities (unless other_parties =
# TRUE); a weight column of codes, ids or years ("Kommunnummer") is refused. The labels for
# this: `labels`, else the first column named as the municipality, else character row names.
# A weight column with decimals (yr_read_table's 1.5 with its exact num/den, or doubles) as whole
# numbers over their least common denominator (yr_read_common_den, the rule `yrkesresa split`
# splits a decimal Vikt by: 1.5, 1.25, 1.125, 1 are 1500, 1250, 1125, 1000), for a column headed
# as a weight or of no role; whole numbers, a population (whole, as the reader reads it), and
# anything that is no finite number, as they are (for yr_split's own error).
.yr_exact_weights <- function(x, name, keep, call) {
  num <- attr(x, "num")
  den <- attr(x, "den")
  role <- c_yr_r_header_role(name)
  if (!is.numeric(x) || anyNA(x) || any(!is.finite(x)) || (is.null(den) && all(x == round(x))) ||
    !(is.na(role) || role == "weight")) { # a population is whole: yr_split refuses decimals
    return(x[keep])
  }
  if (!is.null(num)) {
    num <- as.double(num[keep])
    den <- as.double(den[keep])
  }
  res <- c_yr_r_common_den(as.double(x[keep]), num, den)
  if (is.list(res)) {
    res$message <- sprintf("column weights: %s", res$message)
    .yr_read_stop(res, "", call, "weights")
  }
  res[-length(res)]
}

yr_split_frame <- function(data, total, weights = "population", into = "amount", groups = NULL,
                           labels = NULL, totals = "check", other_parties = FALSE, ...) {
  call <- sys.call()
  cols <- c(weights, groups)
  if (!is.data.frame(data) || !is.character(cols) || !all(cols %in% names(data))) {
    .yr_input_error(sprintf(
      "data must be a data frame with the column(s) %s", paste(cols, collapse = ", ")
    ), call, "data")
  }
  lab <- .yr_labels_arg(labels, data, nrow(data), call)
  kinds <- .yr_frame_kinds(data, weights, lab, call, totals, other_parties)
  keep <- if (is.null(kinds)) rep(TRUE, nrow(data)) else kinds == "data"
  w <- .yr_exact_weights(data[[weights]], weights, keep, call)
  if (!is.null(lab)) {
    names(w) <- lab[keep]
    if (!(is.character(labels) && length(labels) == 1L)) data$label <- lab
  }
  put <- function(name, values) { # the parties' amounts; NA in aggregate rows
    v <- rep(NA_real_, nrow(data))
    v[keep] <- values
    data[[name]] <<- v
  }
  if (length(total) > 1L || !is.null(names(total))) {
    t <- yr_split_table(total, w)
    for (item in names(t)) put(item, t[[item]])
  } else if (!is.null(groups)) {
    col <- .yr_label_column(data)
    if (is.null(lab) && !is.na(col)) names(w) <- as.character(data[[col]])[keep]
    r <- .yr_split_nested(total, w, data[[groups]][keep], groups, call)
    put(into, r$amount)
    put(paste0("group_", into), unname(attr(r, "groups")[as.character(r$group)]))
  } else {
    put(into, unname(yr_split(total, w, ...)))
  }
  if (!is.null(lab) && !anyDuplicated(lab)) row.names(data) <- lab
  data
}

# Several cost items split by the same weights: a data frame with one column per item (named
# like totals), one row per party; each column adds to its total, each row is within one unit
# of its exact quota and, whenever any table allows it, equals the party's largest-remainder
# share of the sum of the items (yr_split_table).
yr_split_table <- function(totals, weights) {
  call <- sys.call()
  if (is.data.frame(totals)) totals <- unlist(totals)
  w <- .yr_weights(weights, call)
  m <- c_yr_split_table_where(totals, w)
  items <- if (!is.null(names(totals))) names(totals) else paste0("item", seq_along(totals))
  df <- as.data.frame(m)
  names(df) <- items
  .yr_labelled(df, names(w))
}

# Two levels, largest remainder at each: the total between the groups by the sum of their
# weights, then each group's amount between its parties (yr_split_nested). group: a factor,
# character labels or 1-based codes; labels are grouped by the reader's rule (yr_read_groups, as
# `yrkesresa split --group-column`): a county by its name or code ("Dalarnas län", "Dalarna län"
# and "20" one group), a mix of counties and other names an error, other labels by their name
# key; a municipality among the weights' names outside its county group is an error. A data frame per party (group, weight, amount) with the group amounts in attribute
# "groups".
yr_split_nested <- function(total, weights, group) {
  .yr_split_nested(total, weights, group, NA_character_, sys.call())
}

.yr_split_nested <- function(total, weights, group, header, call) {
  w <- .yr_weights(weights, call)
  g <- .yr_group_categories(group, call, names(w), header)
  if (is.na(g$n)) g$n <- 1
  res <- c_yr_split_nested_where(total, w, g$codes, g$n)
  labels <- if (!is.null(g$labels)) g$labels else seq_len(g$n)
  df <- .yr_labelled(data.frame(
    group = labels[g$codes], weight = as.double(w), amount = res$out, stringsAsFactors = FALSE
  ), names(w))
  attr(df, "groups") <- stats::setNames(res$group_out, labels)
  class(df) <- c("yr_nested", "data.frame")
  df
}

print.yr_nested <- function(x, ...) {
  .yr_print_frame(structure(x, class = "data.frame", groups = NULL), ...)
  g <- attr(x, "groups")
  if (!is.null(g)) {
    cat("Group amounts:\n")
    print(g)
  }
  invisible(x)
}

yr_audit <- function(stated_total, weights, published) {
  call <- sys.call()
  .yr_unique_names(weights, "weights", call)
  .yr_unique_names(published, "published", call)
  res <- c_yr_audit_split_where(stated_total, list(weights = weights, published = published))
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
    within_quota = rows$within_quota
  )
  df <- .yr_labelled(df, nm)
  attr(df, "summary") <- s
  class(df) <- c("yr_audit", "data.frame")
  df
}

# yr_audit of a published table read as it is, total row included: the row whose label names a
# total gives the stated total (unless stated_total is given) and is not audited as a party.
# yr_audit under the C library's name (yr_audit_split).
yr_audit_split <- function(stated_total, weights, published) {
  yr_audit(stated_total, weights, published)
}

yr_audit_frame <- function(data, weights = "population", published = "amount",
                           labels = "municipality", stated_total = NULL) {
  call <- sys.call()
  lab <- if (is.null(labels)) row.names(data) else .yr_labels_arg(labels, data, nrow(data), call)
  is_total <- .yr_is_total(lab, call)
  if (is.null(stated_total)) {
    row <- .yr_checked_total_row(lab, call) # the library's rule, as `stats check`'s
    if (is.na(row)) {
      .yr_input_error(paste0(
        "the table has no total row (Summa, Totalt, or a county as its one aggregate row); ",
        "give stated_total"
      ), call, "stated_total")
    }
    stated_total <- data[[published]][row]
  }
  body <- data[!is_total, , drop = FALSE]
  amounts <- body[[published]]
  # a table read by yr_read_table whose amounts are written to whole tkr (Mkr) is audited in
  # that unit, as `yrkesresa audit` does; in kronor when stated_total is no whole number of it
  e <- unname(attr(data, "reading")$units[published])
  unit <- if (length(e) == 1L && !is.na(e) && e > 0L) 10^e else 1
  if (unit > 1 && (stated_total %% unit != 0 || any(amounts %% unit != 0))) unit <- 1
  res <- yr_audit(
    stated_total / unit, stats::setNames(body[[weights]], as.character(lab[!is_total])),
    amounts / unit
  )
  attr(res, "unit") <- unit
  res
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
  .yr_print_frame(structure(x, class = "data.frame", summary = NULL), ...)
  invisible(x)
}

# The groups of a nested split by the reader's rule (yr_read_groups through c_yr_r_read_groups):
# .yr_categories' codes and labels with the groups that rule makes one merged, each named by its
# first label, in .yr_categories' order (factor levels, else sorted).
.yr_group_categories <- function(group, call, places = NULL, header = NA_character_) {
  g <- .yr_categories(group, NULL, "group", call)
  if (is.null(g$labels) || anyNA(g$codes)) return(g)
  rows <- g$labels[g$codes]
  rows <- c(rows, setdiff(g$labels, rows)) # a level without rows stays a group (amount 0)
  if (is.character(places)) places <- c(places, rep(NA_character_, length(rows) - length(places)))
  res <- c_yr_r_read_groups(rows, header, if (is.character(places)) places else NULL)
  if (is.list(res)) .yr_read_stop(res, "", call, "group")
  first <- rows[match(seq_len(max(c(res, -1L)) + 1L) - 1L, res)]
  order <- order(match(first, g$labels))
  codes <- match(res, order - 1L)[seq_along(g$codes)]
  list(codes = codes, n = length(first), labels = first[order])
}
