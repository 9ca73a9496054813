# Issue 12.3 / 13 in R: one rule for fractions, percent -> count, total rows, labels, shares.

test_that("a total row among the weights is warned about, naming the element", {
  pop <- c(Avesta = 22986, Borlange = 52460, Falun = 59752, Summa = 135198)
  w <- expect_warning(yr_split(100, pop), class = "yrkesresa_total_row_warning")
  expect_match(conditionMessage(w), "weights[4] (\"Summa\")", fixed = TRUE)
  expect_identical(w$index, 4)
  # the same for the mixed model; dropping the row is silent
  expect_warning(yr_split_mixed(100, pop, 0.3), class = "yrkesresa_total_row_warning")
  expect_silent(yr_split(100, pop[-4]))
  # two parties: one always equals the other, so nothing to warn about
  expect_silent(yr_split(100, c(5, 5)))
})

test_that("labels are trimmed by yr_label_trim, so 'Falun ' is Falun", {
  s <- yr_split(100, c("Falun " = 1, "\u00a0Mora" = 3))
  expect_identical(names(s), c("Falun", "Mora"))
  expect_yr_error(yr_split(100, c(Falun = 1, "Falun\t" = 3)), "YR_ERR_RANGE", message = "twice")
  expect_identical(yr_count_by(c("Falun", "Falun ", "Mora")), c(Falun = 2, Mora = 1))
  m <- yr_crosstab(c("A ", "A", "B"), c("x", "y ", "y"))
  expect_identical(dimnames(m), list(c("A", "B"), c("x", "y")))
})

test_that("percent -> count: half away from zero, inexact percentages flagged", {
  k <- yr_count_from_percent(c(77, 50, 12.5), c(22, 3, 8))
  expect_identical(as.vector(k), c(17, 2, 1))
  # 17 of 22 is 77 %; no whole count of 3 is 50 %; 1 of 8 is 12.5 %
  expect_identical(attr(k, "exact"), c(TRUE, FALSE, TRUE))
  expect_yr_error(yr_count_from_percent(101, 10), "YR_ERR_RANGE")
})

test_that("a target or confidence outside 0..1 says so and suggests the share", {
  # the C library's sentence, the one Python and the program show
  e <- expect_yr_error(yr_goal_check(17, 22, target = 80), "YR_ERR_RANGE",
    message = "target 80 is outside 0 to 1 (a share, not a percentage: 0.8 for 80 %)")
  expect_identical(e$what, "target")
  expect_identical(e$reason, "YR_REASON_SHARE_RANGE")
  e <- expect_yr_error(yr_proportion(3, 10, confidence = 95), "YR_ERR_RANGE",
    message = "confidence 95 is not between 0 and 1 (a share, not a percentage: 0.95 for 95 %)")
  expect_identical(conditionMessage(e),
    "confidence 95 is not between 0 and 1 (a share, not a percentage: 0.95 for 95 %)")
})

test_that("dates, times and durations are refused as weights, like factors", {
  expect_yr_error(yr_split(100, as.Date(c("2024-01-01", "2024-02-01"))), "YR_ERR_RANGE",
    "yrkesresa_input_error", "date, time or duration")
  expect_yr_error(yr_split(100, Sys.time() + 1:2), "YR_ERR_RANGE", "yrkesresa_input_error", "date")
  expect_yr_error(yr_split(100, as.difftime(c(1, 2), units = "days")), "YR_ERR_RANGE",
    "yrkesresa_input_error", "duration")
})

test_that("an equal part outside 0..1 names the argument", {
  e <- expect_yr_error(yr_split_mixed(100, c(1, 2), 1.5), "YR_ERR_RANGE", message = "equal_part")
  expect_identical(e$what, "equal_part")
})

test_that("results convert to plain data frames with as.data.frame", {
  a <- as.data.frame(yr_audit(100, c(A = 1, B = 3), c(25, 75)))
  expect_identical(class(a), "data.frame")
  expect_null(attr(a, "summary"))
  expect_identical(a$expected, c(25, 75))
  r <- as.data.frame(yr_pot_rules())
  expect_identical(r$role, c("trainer", "leader"))
  expect_identical(r$share, c(10, 15))
  n <- as.data.frame(yr_split_nested(10, c(1, 1, 2), c("x", "x", "y")))
  expect_identical(class(n), "data.frame")
  expect_identical(sum(n$amount), 10)
  s <- as.data.frame(yr_pot_settle(
    data.frame(day = 1, municipality = "A", participants = 3),
    data.frame(day = 1, municipality = "A", role = "leader")
  ))
  expect_identical(class(s), "data.frame")
  t <- as.data.frame(yr_attendance_rate(c(10, 20), c(9, 15)))
  expect_identical(class(t), "data.frame")
})
