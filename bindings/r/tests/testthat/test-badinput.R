# The bad-input matrix through R (issue 8). Every bad input is an R condition of class
# "yrkesresa_error" (refused conversions also "yrkesresa_input_error") carrying the C status
# name in $status and a clear message: NA, NaN and infinities, fractions, numbers beyond 2^53,
# wrong types, negative, zero-sum and overflowing numbers, unknown names. Nothing is rounded,
# truncated or silently reinterpreted.

# The condition raised by `expr`, which must be a yrkesresa_error with this status whose message
# matches `pattern`.
expect_yr_error <- function(expr, status, pattern, input = NA) {
  e <- tryCatch(
    {
      expr
      NULL
    },
    error = function(e) e
  )
  if (is.null(e)) {
    fail(sprintf("no error raised (expected %s matching '%s')", status, pattern))
    return(invisible(NULL))
  }
  expect_s3_class(e, "yrkesresa_error")
  expect_identical(e$status, status)
  expect_match(conditionMessage(e), pattern)
  if (!is.na(input)) {
    expect_identical(inherits(e, "yrkesresa_input_error"), input)
  }
  invisible(e)
}

pop <- c(Avesta = 22986, Borlange = 52460, Falun = 59752)

test_that("split: NULL, empty, NA, NaN, infinities, fractions and wrong types are refused", {
  expect_yr_error(yr_split(100, NULL), "YR_ERR_RANGE", "weights must be a numeric vector", TRUE)
  expect_yr_error(yr_split(100, numeric(0)), "YR_ERR_EMPTY", "^weights is empty: there is nothing to work on$", FALSE)
  expect_yr_error(yr_split(100, c(1, NA)), "YR_ERR_RANGE", "weights\\[2\\] is NA", TRUE)
  expect_yr_error(yr_split(100, c(1, NaN)), "YR_ERR_RANGE", "weights\\[2\\] is NA", TRUE)
  expect_yr_error(yr_split(100, c(NA_integer_, 1L)), "YR_ERR_RANGE", "weights\\[1\\] is NA", TRUE)
  expect_yr_error(yr_split(100, c(1, Inf)), "YR_ERR_RANGE", "weights\\[2\\] is infinite", TRUE)
  expect_yr_error(yr_split(-Inf, pop), "YR_ERR_RANGE", "total is infinite", TRUE)
  expect_yr_error(yr_split(NaN, pop), "YR_ERR_RANGE", "total is NA", TRUE)
  expect_yr_error(yr_split(NA, pop), "YR_ERR_RANGE", "total is NA", TRUE)
  expect_yr_error(yr_split(100, c(1.5, 2)), "YR_ERR_RANGE", "not a whole number", TRUE)
  expect_yr_error(yr_split(100.5, pop), "YR_ERR_RANGE", "total is not a whole number", TRUE)
  expect_yr_error(yr_split(100, c("1", "2")), "YR_ERR_RANGE", "numeric vector", TRUE)
  expect_yr_error(yr_split(100, c(TRUE, FALSE)), "YR_ERR_RANGE", "numeric vector", TRUE)
  expect_yr_error(yr_split(100, list(1, 2)), "YR_ERR_RANGE", "numeric vector", TRUE)
  expect_yr_error(yr_split(100, 1:3 + 0i), "YR_ERR_RANGE", "numeric vector", TRUE)
  expect_yr_error(yr_split(c(100, 200), pop), "YR_ERR_RANGE", "total has the wrong length", TRUE)
  expect_yr_error(yr_split(numeric(0), pop), "YR_ERR_RANGE", "total has the wrong length", TRUE)
})

test_that("split: a factor is not taken for its level codes", {
  # factor(c(10, 30)) holds the codes 1 and 2: splitting by them would be a silent wrong answer
  # (33/67 instead of 25/75).
  expect_yr_error(yr_split(100, factor(c(10, 30))), "YR_ERR_RANGE", "factor|numeric", TRUE)
})

test_that("split: numbers beyond 2^53 are refused, not rounded", {
  expect_identical(sum(yr_split(2^53, c(1, 2))), 2^53)
  expect_identical(sum(yr_split(-2^53, c(1, 2))), -2^53)
  expect_yr_error(yr_split(2^53 + 2, c(1, 2)), "YR_ERR_RANGE", "total is beyond 2\\^53", TRUE)
  expect_yr_error(yr_split(-2^53 - 2, c(1, 2)), "YR_ERR_RANGE", "beyond 2\\^53", TRUE)
  expect_yr_error(yr_split(1, c(2^53 + 2, 1)), "YR_ERR_RANGE", "weights\\[1\\] is beyond 2\\^53", TRUE)
  expect_yr_error(yr_split(1, c(1, 1e300)), "YR_ERR_RANGE", "weights\\[2\\] is beyond 2\\^53", TRUE)
})

test_that("split: negative, zero-sum, unknown method", {
  expect_yr_error(yr_split(100, c(5, -1, 3)), "YR_ERR_NEGATIVE", "^weights\\[2\\] is negative \\(-1\\)$", FALSE)
  expect_yr_error(yr_split(-1, pop, "dhondt"), "YR_ERR_NEGATIVE", "^total -1 is negative: dhondt splits whole units of a total of 0 or more$")
  expect_yr_error(yr_split(100, c(0, 0)), "YR_ERR_ZERO_WEIGHT", "^all weights are 0, so nothing can take the total 100$")
  expect_yr_error(yr_split(100, pop, "hamiltonian"), "YR_ERR_RANGE", "^unknown method 'hamiltonian' \\(known: largest_remainder, ")
  expect_yr_error(yr_split(100, pop, ""), "YR_ERR_RANGE", "unknown method")
  expect_yr_error(yr_split(100, pop, "dhondt\xff"), "YR_ERR_RANGE", "unknown method")
  expect_yr_error(yr_split(100, pop, NA_character_), "YR_ERR_RANGE", "method must be a single")
  expect_yr_error(yr_split(100, pop, c("dhondt", "adams")), "YR_ERR_RANGE", "method must be a single")
  expect_yr_error(yr_split(100, pop, 2), "YR_ERR_RANGE", "method must be a single")
})

test_that("split: duplicate names are refused", {
  expect_yr_error(yr_split(100, c(Avesta = 1, Avesta = 2)), "YR_ERR_RANGE", "Avesta|duplicate|twice")
  expect_yr_error(
    yr_split_mixed(100, c(Avesta = 1, Avesta = 2), 0.3), "YR_ERR_RANGE", "Avesta|duplicate|twice"
  )
})

test_that("mixed model: NaN, infinite and out-of-range fractions", {
  expect_yr_error(yr_split_mixed(100, pop, NaN), "YR_ERR_RANGE", "equal_part")
  expect_yr_error(yr_split_mixed(100, pop, Inf), "YR_ERR_RANGE", "equal_part")
  expect_yr_error(yr_split_mixed(100, pop, NA), "YR_ERR_RANGE", "equal_part", TRUE)
  expect_yr_error(yr_split_mixed(100, pop, 1.5), "YR_ERR_RANGE", "^equal_part 1.5 is more than the whole$")
  expect_yr_error(yr_split_mixed(100, pop, -0.1), "YR_ERR_RANGE", "^equal_part -0.1 is negative$")
  expect_yr_error(yr_split_mixed(100, pop, c(1, 0)), "YR_ERR_RANGE", "^equal_part 1/0: the denominator is not positive$")
  expect_yr_error(yr_split_mixed(100, c(0, 0), 0.5), "YR_ERR_ZERO_WEIGHT", "^all weights are 0, so nothing can take the 1/2 of the total 100 that is split by weight$")
})

test_that("audit: bad input, and extreme rows are audited", {
  expect_yr_error(yr_audit(100, numeric(0), numeric(0)), "YR_ERR_EMPTY", "^weights is empty")
  expect_yr_error(yr_audit(100, c(1, 2), 33), "YR_ERR_RANGE", "published has the wrong length", TRUE)
  expect_yr_error(yr_audit(100, c(1, -2), c(50, 50)), "YR_ERR_NEGATIVE", "^weights\\[2\\] is negative \\(-2\\)$")
  expect_yr_error(yr_audit(100, c(0, 0), c(50, 50)), "YR_ERR_ZERO_WEIGHT", "^all weights are 0")
  expect_yr_error(yr_audit(100, c(1, 2), c(33, NA)), "YR_ERR_RANGE", "published\\[2\\] is NA", TRUE)
  expect_yr_error(yr_audit(100, c(1, 2), c(33, Inf)), "YR_ERR_RANGE", "infinite", TRUE)
  expect_yr_error(
    yr_audit(100, c(Avesta = 1, Avesta = 2), c(33, 67)), "YR_ERR_RANGE", "Avesta|duplicate|twice"
  )
  a <- yr_audit(-1, c(1, 1), c(-2^53, 2^53 - 1))
  expect_identical(attr(a, "summary")$published_sum, -1)
  expect_identical(attr(a, "summary")$rows_outside_quota, 2)
})

test_that("pot: unknown roles, NA and bad numbers are refused; unknown days are reported", {
  att <- data.frame(
    day = c("2024-02-06", "2024-02-06"), municipality = c("Falun", "Mora"),
    participants = c(4, 3)
  )
  tr <- data.frame(day = "2024-02-06", municipality = "Falun", role = "kursledare")
  ok <- yr_pot_settle(att, tr)
  expect_identical(ok$kickback, c(2800, 0))
  role <- function(r) data.frame(day = "2024-02-06", municipality = "Falun", role = r)
  expect_yr_error(yr_pot_settle(att, role("chef")), "YR_ERR_RANGE", "^trainers\\$role\\[1\\]: unknown role 'chef' \\(known: trainer, leader, utbildare, kursledare\\)$")
  expect_yr_error(yr_pot_settle(att, role("")), "YR_ERR_RANGE", "unknown role")
  expect_yr_error(yr_pot_settle(att, role(NA_character_)), "YR_ERR_RANGE", "unknown role|NA")
  expect_yr_error(yr_pot_settle(att, role("lead\xffer")), "YR_ERR_RANGE", "unknown role")
  expect_yr_error(yr_pot_settle(att, role(1)), "YR_ERR_RANGE", "role")
  with <- function(p) transform(att, participants = p)
  expect_yr_error(yr_pot_settle(with(c(-3, 4)), tr), "YR_ERR_NEGATIVE", "^attendance record 1: participants is negative \\(-3\\)$")
  expect_yr_error(yr_pot_settle(with(c(NaN, 4)), tr), "YR_ERR_RANGE", "participants\\[1\\] is NA", TRUE)
  expect_yr_error(yr_pot_settle(with(c(Inf, 4)), tr), "YR_ERR_RANGE", "participants\\[1\\] is infinite", TRUE)
  expect_yr_error(yr_pot_settle(with(c(3.5, 4)), tr), "YR_ERR_RANGE", "not a whole number", TRUE)
  expect_yr_error(yr_pot_settle(with(c(2^52, 2^52)), tr), "YR_ERR_OVERFLOW", "2\\^53")
  expect_yr_error(yr_pot_settle(transform(att, day = c(NA, "x")), tr), "YR_READ_ERR_CELL", "^attendance row 1: the day is empty")
  expect_yr_error(yr_pot_settle(att[, 1:2], tr), "YR_ERR_RANGE", "columns day, municipality, participants")
  expect_yr_error(yr_pot_settle(NULL, NULL), "YR_ERR_RANGE", "attendance must be a data frame")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(fee = NaN)), "YR_ERR_RANGE", "NA")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(fee = -1)), "YR_ERR_NEGATIVE", "^fee is negative \\(-1\\)$")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(pot_part = 700)), "YR_ERR_RANGE", "^pot_part 700 is larger than fee 600$")
  expect_yr_error(
    yr_pot_settle(att, tr, yr_pot_rules(trainer = 0, leader = 0)), "YR_ERR_RANGE",
    "^trainers record 1: the day of this trainer \\(day 1\\) has a pot of 2800, but the shares of its trainers add up to 0$"
  )
  # A day only the trainer table names (nobody attended): not an error; the pot of the day that
  # had participants but no trainer is reported as undistributed, never dropped.
  expect_warning(
    s <- yr_pot_settle(att, data.frame(day = "2024-02-09", municipality = "Falun", role = "leader")),
    "day '2024-02-09' has trainers but no participants", fixed = TRUE
  )
  expect_identical(s$kickback, c(0, 0, 0)[seq_len(nrow(s))])
  expect_identical(attr(s, "summary")[["undistributed"]], 2800)
  expect_identical(attr(s, "undistributed")$day, "2024-02-06")
})

test_that("statistics: NaN, NA and infinities where doubles enter", {
  for (conf in list(NaN, Inf, -Inf, 0, 1, 1.5)) {
    why <- if (is.nan(conf)) "^confidence is NA$" else "^confidence [-0-9.inf]+ is not between 0 and 1$"
    expect_yr_error(yr_proportion(3, 10, conf), "YR_ERR_RANGE", why)
    expect_yr_error(yr_goal_check(17, 22, 0.8, conf), "YR_ERR_RANGE", why)
    expect_yr_error(yr_attendance_rate(c(26, 13), c(25, 10), conf), "YR_ERR_RANGE", "^confidence .* is not between 0 and 1$")
  }
  expect_yr_error(yr_proportion(3, 10, NA), "YR_ERR_RANGE", "confidence")
  for (target in list(NaN, Inf, -0.01, 1.01)) {
    expect_yr_error(yr_goal_check(17, 22, target), "YR_ERR_RANGE", if (is.nan(target)) "^target is NA$" else "^target [-0-9.inf]+ is outside 0 to 1$")
  }
  for (per in list(NaN, Inf, 0, -1000)) {
    expect_yr_error(yr_coverage(3, 10, per), "YR_ERR_RANGE", if (is.finite(per)) "^per -?[0-9]+ is not above 0$" else "^per (NaN|inf) is not a finite number$")
  }
  expect_yr_error(yr_proportion(NA, 10), "YR_ERR_RANGE", "NA")
  expect_yr_error(yr_proportion(11, 10), "YR_ERR_RANGE", "^successes 11 is larger than trials 10$")
  expect_yr_error(yr_proportion(-1, 10), "YR_ERR_NEGATIVE", "^successes is negative \\(-1\\)$")
  expect_yr_error(yr_proportion(0, 0), "YR_ERR_EMPTY", "^trials is 0: there is nothing to work on$")
  expect_yr_error(yr_attendance_rate(c(10), c(12)), "YR_ERR_RANGE", "^attended\\[1\\] 12 is larger than registered\\[1\\] 10$")
  expect_yr_error(yr_attendance_rate(c(0, 0), c(0, 0)), "YR_ERR_EMPTY", "^registered adds up to 0: nobody to count$")
  expect_yr_error(yr_progression(c(55, 136, 7)), "YR_ERR_RANGE", "^completed\\[2\\] 136 is larger than completed\\[1\\] 55, the one before it$")
  expect_yr_error(yr_crosstab(c(0, 1), c(1, 1)), "YR_ERR_RANGE", "row\\[1\\] must be a 1-based index", TRUE)
  expect_yr_error(yr_crosstab(c(NA, 1), c(1, 1)), "YR_ERR_RANGE", "row\\[1\\] is NA", TRUE)
  expect_yr_error(yr_crosstab(c(1, 2.5), c(1, 1)), "YR_ERR_RANGE", "not a whole number", TRUE)
  expect_yr_error(yr_check_totals(matrix(c(1, NA), 2, 1), 0), "YR_ERR_RANGE", "is NA", TRUE)
  expect_yr_error(yr_check_totals(matrix(2^53, 2, 1), 0), "YR_ERR_OVERFLOW", "2\\^53")
})

test_that("names that are not valid UTF-8 are kept byte for byte", {
  bad <- "\xff\xfeAvesta"
  s <- yr_split(100, setNames(c(1, 3), c(bad, "Falun")))
  expect_identical(charToRaw(names(s)[1]), charToRaw(bad))
  expect_identical(unname(s), c(25, 75))
  p <- yr_pot_settle(
    data.frame(day = "d", municipality = bad, participants = 3),
    data.frame(day = "d", municipality = bad, role = "leader")
  )
  expect_identical(charToRaw(p$municipality[1]), charToRaw(bad))
  expect_identical(p$kickback, 1200)
})
