# R as people use it (issues 24.4, 23.5): `labels =` is used wherever it is accepted, or is an
# error naming it; labelled results carry their labels in a `label` column as well as in the
# row names, so tibble::as_tibble (which drops row names) keeps them; duplicated names in a
# named vector are an error naming the name; errors name the function called and the argument.

# The error `expr` raises: a yrkesresa input error of the function `fn` about argument `what`.
refused <- function(expr, fn, what, pattern) {
  e <- tryCatch({
    expr
    NULL
  }, error = function(e) e)
  expect_s3_class(e, "yrkesresa_input_error")
  expect_identical(as.character(conditionCall(e)[[1]]), fn)
  expect_identical(e$what, what)
  expect_match(conditionMessage(e), pattern)
  invisible(e)
}

pop <- data.frame(kommun = c("Falun", "Mora", "Orsa"), population = c(59752, 20544, 6939))

test_that("yr_split_frame uses labels given as a column or as a vector", {
  by_column <- yr_split_frame(pop, 1000, labels = "kommun")
  expect_identical(row.names(by_column), pop$kommun)
  expect_identical(by_column$amount, c(685, 235, 80))
  by_vector <- yr_split_frame(pop, 1000, labels = c(" Falun", "Mora", "Orsa"))
  expect_identical(by_vector$label, pop$kommun) # trimmed, as names are
  expect_identical(row.names(by_vector), pop$kommun)
  # the labels name the parties, read by the reader's rules (issue 20.6): one municipality
  # twice is the reader's error, a total row that agrees is no party (NA)
  e <- tryCatch(yr_split_frame(pop, 1000, labels = c("Falun", "Falun", "Orsa")),
                error = function(e) e)
  expect_s3_class(e, "yrkesresa_read_error")
  expect_identical(as.character(conditionCall(e)[[1]]), "yr_split_frame")
  expect_identical(e$status, "YR_READ_ERR_IDENTITY")
  expect_match(conditionMessage(e), "'Falun' is the same municipality as 'Falun'")
  with_total <- rbind(pop, data.frame(kommun = "Summa", population = sum(pop$population)))
  expect_identical(yr_split_frame(with_total, 1000, labels = "kommun")$amount,
                   c(685, 235, 80, NA))
})

test_that("a labels argument that is neither a column nor one label per row is an error", {
  refused(yr_split_frame(pop, 1000, labels = "municipality"), "yr_split_frame", "labels",
          "\"municipality\", which is no column")
  refused(yr_split_frame(pop, 1000, labels = c("Falun", "Mora")), "yr_split_frame", "labels",
          "one label per row \\(3\\)")
  refused(yr_drop_total_rows(pop), "yr_drop_total_rows", "labels", "\"municipality\"")
  refused(yr_audit_frame(pop, labels = "kommunnamn"), "yr_audit_frame", "labels", "no column")
  refused(yr_attendance_rate(c(10, 20), c(8, 15), labels = "A"), "yr_attendance_rate", "labels",
          "one label per row \\(2\\)")
  refused(yr_check_parts(data.frame(a = 3, b = 1, c = 2), "a", c("b", "c"), labels = "x"),
          "yr_check_parts", "labels", "no column")
  # before 0.3 these gave no rows (drop_total_rows) or ignored the labels (attendance_rate)
})

test_that("yr_attendance_rate takes labels with vectors too", {
  r <- yr_attendance_rate(c(10, 20), c(8, 15), labels = c("Kurs A", "Kurs B"))
  expect_identical(r$label, c("Kurs A", "Kurs B"))
  expect_identical(row.names(r), c("Kurs A", "Kurs B"))
  f <- yr_attendance_rate(data.frame(course = c("A", "B"), registered = c(10, 20),
                                     attended = c(8, 15)), labels = "course")
  expect_identical(f$label, c("A", "B"))
})

test_that("labelled results keep their labels through tibble::as_tibble", {
  skip_if_not_installed("tibble")
  w <- c(Falun = 59752, Mora = 20544, Orsa = 6939)
  results <- list(
    table = yr_split_table(c(coordinator = 850000, travel = 180000), w),
    nested = yr_split_nested(1000, w, c("x", "x", "y")),
    audit = yr_audit(1000, w, c(686, 235, 79)),
    proportion = yr_proportion(c(Falun = 3, Mora = 4, Orsa = 5), 10),
    coverage = yr_coverage(c(Falun = 3, Mora = 4, Orsa = 5), 1000),
    attendance = yr_attendance_rate(stats::setNames(c(10, 20, 5), names(w)), c(8, 15, 5))
  )
  for (name in names(results)) {
    df <- results[[name]]
    expect_identical(row.names(df), names(w), info = name)
    tb <- tibble::as_tibble(df)
    expect_identical(tb$label, names(w), info = name)
  }
  # the numbers are where they were: the items' columns still add to the items
  expect_identical(colSums(results$table[c("coordinator", "travel")]),
                   c(coordinator = 850000, travel = 180000))
})

test_that("duplicated names in a named vector are an error naming them", {
  w <- c(Falun = 59752, Mora = 20544)
  refused(yr_statement(c(a = 100), w, fees = c(Falun = 10, Falun = 20, Mora = 5),
                       kickback = c(Falun = 0)), "yr_statement", "fees", "\"Falun\" twice")
  refused(yr_split(10, w, "dhondt", minimum = c(Falun = 1, Falun = 2, Mora = 1)), "yr_split",
          "minimum", "\"Falun\" twice")
  refused(yr_split(10, c(Falun = 10, Falun = 20, Mora = 5)), "yr_split", "weights",
          "\"Falun\" twice")
  # names that differ only in blanks are one municipality
  refused(yr_statement(c(a = 100), w, fees = c(Falun = 10, "Falun " = 20), kickback = NULL),
          "yr_statement", "fees", "\"Falun\" twice")
})

test_that("conversion errors name the function called and the argument", {
  refused(yr_split(1000, c(1.5, 2)), "yr_split", "weights", "^weights\\[1\\] is not a whole")
  # called through another function of the package: the one the user called is named
  refused(yr_split_frame(data.frame(population = c(1.5, 2)), 1000), "yr_split_frame", "weights",
          "^weights\\[1\\] is not a whole")
  refused(yr_split_frame(pop, 1000, tie = NA), "yr_split_frame", "tie", "tie must be")
})

# The reader's rule, not the core's "... län" (worked out by hand): a county is an aggregate only
# by one of its forms ("Dalarnas län", "Dalarna län", "20 Dalarnas län"); "Region Jönköpings
# län" and "Länsstyrelsen i Dalarnas län" are organisations, parties.
test_that("yr_label_is_total and yr_drop_total_rows keep a region named after its county", {
  expect_identical(
    yr_label_is_total(c("Dalarnas län", "20 Dalarnas län", "Summa", "Region Jönköpings län",
                        "Länsstyrelsen i Dalarnas län", "Falun", NA)),
    c(TRUE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE))
  t <- data.frame(party = c("Region Jönköpings län", "Falun", "Dalarnas län", "Summa"),
                  weight = c(3, 1, 1, 4))
  expect_identical(yr_drop_total_rows(t, "party")$party, c("Region Jönköpings län", "Falun"))
  # yr_audit_frame takes "Summa" (100) as the stated total, not the region: 75 and 25 exact
  t <- data.frame(party = c("Region Jönköpings län", "Falun", "Summa"),
                  population = c(3, 1, 4), amount = c(75, 25, 100))
  a <- yr_audit_frame(t, labels = "party")
  expect_identical(attr(a, "summary")$stated_total, 100)
  expect_identical(a$label, c("Region Jönköpings län", "Falun"))
  refused(yr_drop_total_rows(data.frame(m = c("2080 Mora", "Falun")), "m"), "yr_drop_total_rows",
          "labels", "code 2080 is Falun, not 'Mora'")
})

# Nested splits group by the program's rule (yr_read_groups, worked out by hand): "Dalarnas
# län", "Dalarna län" and "20" are one county, one group (weight 2 + 3 = 5 against Uppsala
# län's 4, of 9): 100 * 5/9 = 55.6 -> 56 and 44.4 -> 44; then 56 * 2/5 = 22.4 -> 22 and
# 56 * 3/5 = 33.6 -> 34.
test_that("yr_split_nested and yr_split_frame group a county by its name or code", {
  r <- yr_split_nested(100, c(2, 3, 4), c("Dalarnas län", "Dalarna län", "Uppsala län"))
  expect_identical(attr(r, "groups"), c("Dalarnas län" = 56, "Uppsala län" = 44))
  expect_identical(r$amount, c(22, 34, 44))
  t <- data.frame(municipality = c("Falun", "Mora", "Uppsala"), population = c(2, 3, 4),
                  county = c("Dalarnas län", "20", "Uppsala län"))
  out <- yr_split_frame(t, 100, groups = "county")
  expect_identical(out$amount, c(22, 34, 44))
  expect_identical(out$group_amount, c(56, 56, 44))
  # names by their name key: " VÄSTERDALARNA" is Västerdalarna (10 * 2/5 = 4, 10 * 3/5 = 6)
  g <- attr(yr_split_nested(10, c(1, 1, 3), c("Västerdalarna", " VÄSTERDALARNA", "Övre Dalarna")),
            "groups")
  expect_identical(g[["Västerdalarna"]], 4)
  expect_identical(g[["Övre Dalarna"]], 6)
  # a mix of counties and names, and Mora (Dalarnas län, 20) under Uppsala län, are refused
  expect_error(yr_split_nested(100, c(1, 1), c("Dalarnas län", "Dalarna")),
               "'Dalarna' is not a county, while 'Dalarnas län'", class = "yrkesresa_read_error")
  t$county <- c("Dalarnas län", "Uppsala län", "Uppsala län")
  expect_error(yr_split_frame(t, 100, groups = "county"),
               "column 'county': Mora is in Dalarnas län \\(20\\), not in 'Uppsala län'",
               class = "yrkesresa_read_error")
})

# A table being checked: the library's rules (read.h, yr_checked_total_row, yr_label_column_of).
test_that("yr_audit_frame takes the total row by the library's rule", {
  lan <- "Dalarnas l\u00e4n"
  # SCB's table ends with the county: its one aggregate row is the total (75 + 25 = 100)
  t <- data.frame(municipality = c("Falun", "Mora", lan), population = c(3, 1, 4),
                  amount = c(75, 25, 100))
  expect_identical(attr(yr_audit_frame(t), "summary")$stated_total, 100)
  # a county beside Summa: Summa (100) is the total (before, "2 total rows")
  t <- data.frame(municipality = c("Falun", "Mora", lan, "Summa"), population = c(3, 1, 4, 4),
                  amount = c(75, 25, 90, 100))
  a <- yr_audit_frame(t)
  expect_identical(attr(a, "summary")$stated_total, 100)
  expect_identical(a$label, c("Falun", "Mora"))
  # two total rows: the library's sentence naming both rows
  t <- data.frame(municipality = c("Falun", "Mora", "Summa", "Totalt"),
                  population = c(3, 1, 4, 4), amount = c(75, 25, 100, 100))
  e <- tryCatch(yr_audit_frame(t), error = function(e) e)
  expect_s3_class(e, "yrkesresa_read_error")
  expect_match(conditionMessage(e), "a second total row (the first is on line 3)", fixed = TRUE)
  expect_identical(e$line, 4)
  # the nation beside the county: no total row
  t <- data.frame(municipality = c("Falun", "Mora", lan, "Riket"), population = c(3, 1, 4, 4),
                  amount = c(75, 25, 100, 100))
  refused(yr_audit_frame(t), "yr_audit_frame", "stated_total", "no total row")
})

test_that("yr_split_frame labels an item column by the library's rule", {
  # no municipality column: the item column 'Post' labels the rows, so its Summa (4 = 3 + 1) is
  # a total, not a party: 100 split 75 / 25 (before, split in three)
  t <- data.frame(Post = c("Lokal", "Resor", "Summa"), Vikt = c(3, 1, 4))
  out <- yr_split_frame(t, 100, weights = "Vikt")
  expect_identical(out$amount, c(75, 25, NA))
})
