# Trainer pot and course-day settlement (SPEC 3). The settlement runs in C (yr_pot_settle);
# this file maps labels to indices and shapes the result.

# The trainer-pot rules: Dalarna's 2024 rules (yr_pot_rules_dalarna_2024), or the fee, pot part
# and role shares given (shares as decimals: leader = 1.5, trainer = 1; through
# yr_pot_rules_with_shares, which puts them over one denominator and validates everything).
yr_pot_rules <- function(fee = NULL, pot_part = NULL, trainer = NULL, leader = NULL) {
  d <- c_yr_pot_rules_dalarna_2024()
  if (is.null(fee) && is.null(pot_part) && is.null(trainer) && is.null(leader)) {
    return(structure(d, class = "yr_pot_rules"))
  }
  # The defaults' shares as the decimals they stand for (Dalarna: 15 and 10 tenths).
  base <- d$shares[["trainer"]]
  pick <- function(x, default) if (is.null(x)) default else x
  args <- list(
    fee = pick(fee, d$fee), pot_part = pick(pot_part, d$pot_part),
    leader = pick(leader, c(d$shares[["leader"]], base)), trainer = pick(trainer, c(base, base))
  )
  r <- c_yr_pot_rules_with_shares_where(args$fee, args$pot_part, args$leader, args$trainer)
  structure(r, class = "yr_pot_rules")
}

# The C library's two ways to the rules, under their own names: Dalarna's 2024 rules, and a fee,
# a pot part and the role shares as decimals (c(num, den) or a double: 1.5). Refused by the
# library in its words: "pot_part 400 is larger than fee 300".
yr_pot_rules_dalarna_2024 <- function() {
  structure(c_yr_pot_rules_dalarna_2024(), class = "yr_pot_rules")
}

yr_pot_rules_with_shares <- function(fee, pot_part, leader, trainer) {
  structure(c_yr_pot_rules_with_shares_where(fee, pot_part, leader, trainer),
    class = "yr_pot_rules"
  )
}

print.yr_pot_rules <- function(x, ...) {
  cat(sprintf("fee %s per participant and day, of which %s to the pot; shares: %s\n",
    .yr_num(x$fee), .yr_num(x$pot_part),
    paste(names(x$shares), .yr_num(x$shares), collapse = ", ")
  ))
  invisible(x)
}

.yr_columns <- function(df, cols, what, call) {
  if (!is.list(df) || !all(cols %in% names(df))) {
    .yr_input_error(sprintf(
      "%s must be a data frame with columns %s", what, paste(cols, collapse = ", ")
    ), call, what)
  }
  n <- length(df[[cols[1]]])
  if (any(lengths(df[cols]) != n)) {
    .yr_input_error(sprintf("the columns of %s differ in length", what), call, what)
  }
  df[cols]
}

# Labels in order: a factor's levels, else order of first appearance (attendance first).
.yr_labels <- function(a, b) {
  if (is.factor(a) || is.factor(b)) {
    lv <- function(x) if (is.factor(x)) levels(x) else unique(as.character(x))
    return(factor(union(lv(a), lv(b)), levels = union(lv(a), lv(b))))
  }
  u <- unique(c(a, b))
  u[!is.na(u)]
}

.yr_codes_of <- function(x, labels, what, call) {
  key <- function(v) if (is.factor(v)) as.character(v) else v
  codes <- match(key(x), key(labels))
  if (anyNA(codes)) {
    i <- which(is.na(codes))[1]
    .yr_input_error(sprintf("%s is NA", .yr_element(what, i)), call, what, i)
  }
  codes
}

# Municipality labels numbered by their identity (yr_identity_key, as `yrkesresa pot` joins its
# files): "Falu kommun", "Falun", "FALUN" and "2080" are one municipality, labelled by the first
# spelling met (a factor's levels first); "2080 Mora" is an error; then the reader's rule 6 over
# one label per identity: "Borlange" among municipalities is refused with the nearest name
# unless other_parties. Numbers beside names are read as text (2080 is Falun); labels that are
# all numbers are numbered as they are.
.yr_municipality_labels <- function(a, b, call, other_parties) {
  text <- function(x) is.character(x) || is.factor(x)
  if (!text(a) && !text(b)) {
    muns <- .yr_labels(a, b)
    return(list(labels = muns, codes = function(x, what) .yr_codes_of(x, muns, what, call)))
  }
  lv <- function(x) if (is.factor(x)) levels(x) else character()
  spelled <- c(lv(a), lv(b), as.character(a), as.character(b))
  spelled <- unique(spelled[!is.na(spelled)])
  keys <- .yr_identity_keys(spelled, call)
  labels <- spelled[!duplicated(keys)]
  res <- c_yr_r_read_classify(labels, list(), list(totals = "check", other_parties = other_parties))
  if (is.list(res)) .yr_read_stop(res, "", call, "municipality")
  if (is.factor(a) || is.factor(b)) labels <- factor(labels, levels = labels)
  codes <- function(x, what) {
    i <- match(as.character(x), spelled)
    .yr_codes_of(match(keys[i], unique(keys)), seq_along(labels), what, call)
  }
  list(labels = labels, codes = codes)
}

.yr_identity_keys <- function(x, call) {
  res <- c_yr_r_identity_keys(as.character(x))
  if (is.list(res)) {
    res$message <- sprintf("municipality '%s': %s", x[res$line], res$message)
    res$line <- 0
    .yr_read_stop(res, "", call, "municipality")
  }
  res
}

# The pots' days: with a course column in either frame (a header naming the course: course,
# Kurs), the C library's course days (yr_course_days_*, as `yrkesresa pot` reads them): the day
# and the course when both frames have one, each day's one course when only one has it, else a
# refusal naming the row. The records renumbered; days the course days' days, course their
# courses (NA when the course is no part of the key).
.yr_course_days <- function(attendance, trainers, r, call) {
  column <- function(df, what) {
    found <- Filter(function(h) identical(c_yr_r_header_role(h), "course"), names(df))
    if (length(found) > 1) {
      .yr_input_error(sprintf(
        "%s: two course columns '%s' and '%s': keep one", what, found[1], found[2]
      ), call, what)
    }
    if (length(found) == 1) found else NULL
  }
  cols <- list(column(attendance, "attendance"), column(trainers, "trainers"))
  if (is.null(cols[[1]]) && is.null(cols[[2]])) {
    return(r)
  }
  text <- as.character(r$days)
  file <- function(df, name, col, codes) {
    cells <- NULL
    if (!is.null(col)) {
      cells <- as.character(df[[col]])
      cells[is.na(cells)] <- ""
    }
    list(name, if (is.null(col)) NA_character_ else col, as.integer(codes - 1L), text[codes], cells)
  }
  res <- c_yr_r_course_days(
    file(attendance, "attendance", cols[[1]], r$att$day),
    file(trainers, "trainers", cols[[2]], r$tr$day)
  )
  if (isTRUE(res$error)) {
    .yr_read_stop(res, c("attendance", "trainers")[res$file], call, "course")
  }
  r$att$day <- res$att + 1L
  r$tr$day <- res$tr + 1L
  r$days <- r$days[res$day + 1L]
  r$course <- res$course
  r
}

# Day values as the text the reader reads (yr_read_day): character as it is, a factor's labels, a
# Date as its ISO text, a date-time (POSIXct, POSIXlt) as "YYYY-MM-DD HH:MM:SS" in its own time
# zone (fractions of a second kept), so the reader reads a zero time as the date and refuses any
# other; whole numbers as their digits (45328, the Excel serial); NA as an empty cell.
.yr_day_text <- function(x, what, call) {
  if (inherits(x, "POSIXlt")) x <- as.POSIXct(x)
  if (is.factor(x)) {
    return(as.character(x))
  }
  if (inherits(x, "Date")) {
    return(format(x, "%Y-%m-%d"))
  }
  if (inherits(x, "POSIXct")) {
    tz <- attr(x, "tzone")
    tz <- if (is.null(tz)) "" else tz[1]
    frac <- !is.na(x) & unclass(x) %% 1 != 0
    return(format(x, if (any(frac)) "%Y-%m-%d %H:%M:%OS6" else "%Y-%m-%d %H:%M:%S", tz = tz))
  }
  if (is.character(x)) {
    return(x)
  }
  if (is.numeric(x) && !is.object(x)) {
    whole <- !is.na(x) & is.finite(x) & x == round(x)
    out <- as.character(x)
    out[whole] <- sprintf("%.0f", x[whole])
    return(out)
  }
  .yr_input_error(sprintf(
    "%s is of class %s; give days as character, Date, POSIXct, a factor or numbers", what,
    class(x)[1]
  ), call, what)
}

# Course days numbered by the reader's one day rule (yr_read_day, as `yrkesresa pot` reads its two
# files): attendance and trainers are one day column, so "2024-02-06", "2024-2-6", a Date, a
# POSIXct midnight and 45328 are one day, a label ("Dag 1") stays a label, and dates and labels
# mixed, a date-time with a time or a date written another way are the reader's errors, naming
# the row. The days are shown as the reader wrote them, in order of first appearance (a factor's
# levels first).
.yr_pot_days <- function(a, b, call) {
  lv <- function(x) if (is.factor(x)) levels(x) else character()
  cols <- list(
    attendance = .yr_day_text(a, "attendance$day", call),
    trainers = .yr_day_text(b, "trainers$day", call),
    levels = c(lv(a), lv(b))
  )
  res <- c_yr_r_read_days(unname(cols), c("attendance", "trainers", "the day factor's levels"))
  if (!is.list(res) || isTRUE(res$error)) {
    which <- c("attendance", "trainers", "levels")[res$column]
    res$message <- sprintf("%s row %d: %s", which, as.integer(res$line), res$message)
    .yr_read_stop(res, "", call, which)
  }
  days <- unique(c(res[[3]], res[[1]], res[[2]]))
  list(days = days, att = match(res[[1]], days), tr = match(res[[2]], days))
}

# The days that do not meet, warned of in the reader's sentence (yr_read_day_warning), as
# `yrkesresa pot` warns: a day with trainers but no participants (often one date written two
# ways in the two tables). A day with participants and no trainer is listed by print() as
# undistributed.
.yr_warn_unmet_days <- function(r, call) {
  busy <- unique(r$att$day[r$att$participants > 0])
  for (d in setdiff(unique(r$tr$day), busy)) {
    warning(structure(
      class = c("yrkesresa_day_warning", "warning", "condition"),
      list(message = c_yr_r_day_warning(r$days[d], 0L, 0), call = .yr_called(call))
    ))
  }
}

# The records as the index columns C reads: days and municipalities numbered by their labels
# (attendance first, then trainers), municipality names trimmed as the CLI trims them.
.yr_pot_records <- function(attendance, trainers, rules, call, other_parties = FALSE) {
  att <- .yr_columns(attendance, c("day", "municipality", "participants"), "attendance", call)
  if (is.null(trainers)) {
    trainers <- data.frame(day = att$day[0], municipality = att$municipality[0], role = character())
  }
  tr <- .yr_columns(trainers, c("day", "municipality", "role"), "trainers", call)
  if (!inherits(rules, "yr_pot_rules")) {
    .yr_input_error("rules must come from yr_pot_rules()", call, "rules")
  }
  trim <- function(x) if (is.character(x)) .yr_trim(x) else x
  att$municipality <- trim(att$municipality)
  tr$municipality <- trim(tr$municipality)
  days <- .yr_pot_days(att$day, tr$day, call)
  mun <- .yr_municipality_labels(att$municipality, tr$municipality, call, other_parties)
  muns <- mun$labels
  role <- tr$role
  if (is.factor(role)) role <- as.character(role)
  r <- list(
    days = days$days, muns = muns,
    att = list(
      day = days$att,
      municipality = mun$codes(att$municipality, "attendance$municipality"),
      participants = att$participants
    ),
    tr = list(
      day = days$tr,
      municipality = mun$codes(tr$municipality, "trainers$municipality"),
      role = role
    )
  )
  .yr_course_days(attendance, trainers, r, call)
}

yr_pot_settle <- function(attendance, trainers, rules = yr_pot_rules(), other_parties = FALSE) {
  call <- sys.call()
  r <- .yr_pot_records(attendance, trainers, rules, call, other_parties)
  days <- r$days
  muns <- r$muns
  res <- c_yr_pot_settle_where(unclass(rules), length(days), length(muns), r$att, r$tr)
  .yr_warn_unmet_days(r, call)
  df <- data.frame(municipality = muns, res$rows)
  und <- res$day_undistributed
  attr(df, "summary") <- res$summary
  attr(df, "undistributed") <- .yr_with_course(
    data.frame(day = days[und != 0], amount = und[und != 0]), r$course[und != 0], r$course
  )
  class(df) <- c("yr_pot_settlement", "data.frame")
  df
}

# The kickback per course day and municipality (yr_pot_by_day; `pot --by-day`): one row per
# (day, municipality) that lent trainers, by day then municipality, with its trainer records,
# kickback and exact entitlement quota_whole + quota_rem / quota_den; each municipality's rows
# add up to its kickback of yr_pot_settle. attr "days_off": the days whose rows do not add up to
# their pot (0 whenever a table allows).
yr_pot_by_day <- function(attendance, trainers, rules = yr_pot_rules(), other_parties = FALSE) {
  call <- sys.call()
  r <- .yr_pot_records(attendance, trainers, rules, call, other_parties)
  res <- c_yr_pot_by_day_records_where(
    unclass(rules), length(r$days), length(r$muns), r$att, r$tr
  )
  .yr_warn_unmet_days(r, call)
  n <- res$entries
  m <- res$by_day[, seq_len(n), drop = FALSE]
  df <- data.frame(
    day = r$days[m[1, ] + 1], municipality = r$muns[m[2, ] + 1], trainers = m[3, ],
    kickback = m[4, ], quota_whole = m[5, ], quota_rem = m[6, ], quota_den = m[7, ],
    stringsAsFactors = FALSE
  )
  df <- .yr_with_course(df, r$course[m[1, ] + 1], r$course)
  attr(df, "days_off") <- res$days_off
  df
}

# A course column after the day when the courses are part of the pots' key.
.yr_with_course <- function(df, course, all) {
  if (is.null(all) || all(is.na(all))) {
    return(df)
  }
  cbind(df[1], course = as.character(course), df[-1], stringsAsFactors = FALSE)
}

# The name before 0.3.0 (deprecated: the C library's words are yr_pot_settle); the same function.
yr_settle_pot <- function(attendance, trainers, rules = yr_pot_rules()) {
  .Deprecated("yr_pot_settle", package = "yrkesresa")
  yr_pot_settle(attendance, trainers, rules)
}

print.yr_pot_settlement <- function(x, ...) {
  print(structure(x, class = "data.frame", summary = NULL, undistributed = NULL), ...)
  s <- attr(x, "summary")
  if (!is.null(s)) {
    cat(sprintf(
      "Fees %s = admin %s + pot %s; kickbacks %s + undistributed %s.\n",
      .yr_num(s[["fees"]]), .yr_num(s[["admin"]]), .yr_num(s[["pot_in"]]),
      .yr_num(s[["kickback"]]), .yr_num(s[["undistributed"]])
    ))
  }
  u <- attr(x, "undistributed")
  if (!is.null(u) && nrow(u) > 0) {
    cat("Days with participants and no trainer (pot undistributed):\n")
    print(u, row.names = FALSE)
  }
  invisible(x)
}
