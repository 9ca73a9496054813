test_that("proportion: Wilson interval, vectorised with recycling", {
  p <- yr_proportion(c(17, 15, 0, 22), 22)
  expect_s3_class(p, "data.frame")
  expect_identical(p$trials, rep(22, 4))
  for (i in 1:4) {
    ref <- ref_wilson(p$successes[i], 22, 0.95)
    expect_equal(c(share = p$share[i], low = p$low[i], high = p$high[i]), ref, tolerance = 1e-9)
  }
  expect_identical(p$low[3], 0)
  expect_identical(p$high[4], 1)
  p90 <- yr_proportion(5, 10, confidence = 0.9)
  expect_equal(unname(unlist(p90[c("share", "low", "high")])), unname(ref_wilson(5, 10, 0.9)), tolerance = 1e-9)
  expect_identical(nrow(yr_proportion(numeric(), 10)), 0L)
  expect_identical(row.names(yr_proportion(c(a = 1, b = 2), 4)), c("a", "b"))
})

test_that("proportion errors carry the C message and the element", {
  e <- expect_yr_error(yr_proportion(c(1, 5), c(4, 4)), "YR_ERR_RANGE", message = "successes 5 is larger than trials 4 (element 2)")
  expect_identical(e$index, 2)
  expect_yr_error(yr_proportion(0, 0), "YR_ERR_EMPTY")
  expect_yr_error(yr_proportion(-1, 4), "YR_ERR_NEGATIVE")
  expect_yr_error(yr_proportion(1, 4, confidence = 1), "YR_ERR_RANGE")
  expect_yr_error(yr_proportion(1, 4, confidence = NA), "YR_ERR_RANGE")
  expect_yr_error(yr_proportion(1, 4, confidence = "95%"), "YR_ERR_RANGE", "yrkesresa_input_error", "confidence must be a number")
  expect_yr_error(yr_proportion(c(1, 2, 3), c(4, 4)), "YR_ERR_RANGE", "yrkesresa_input_error", "length 1 or 3")
  expect_yr_error(yr_proportion(c(1, NA), 4), "YR_ERR_RANGE", "yrkesresa_input_error", "successes[2] is NA")
})

test_that("goal check: verdicts follow the interval, as a factor", {
  survey <- dalarna("manager-survey-2024.csv")
  yes <- round(survey$share_yes_percent * survey$respondents / 100)
  g <- yr_goal_check(yes, survey$respondents, survey$target_percent / 100)
  expect_s3_class(g, "factor")
  expect_identical(levels(g), c("met", "not met", "inconclusive"))
  p <- yr_proportion(yes, survey$respondents)
  target <- survey$target_percent / 100
  ref <- ifelse(p$low >= target, "met", ifelse(p$high < target, "not met", "inconclusive"))
  expect_identical(as.character(g), ref)
  # 22 managers cannot show that 77 % misses an 80 % target.
  expect_identical(as.character(yr_goal_check(17, 22, 0.8)), "inconclusive")
  expect_identical(as.character(yr_goal_check(c(950, 500), 1000, 0.8)), c("met", "not met"))
  expect_identical(names(yr_goal_check(c(q1 = 1, q2 = 2), 2, 0.5)), c("q1", "q2"))
  expect_yr_error(yr_goal_check(1, 2, 1.5), "YR_ERR_RANGE", message = "target 1.5 is outside 0 to 1")
  expect_yr_error(yr_goal_check(3, 2, 0.5), "YR_ERR_RANGE")
})

test_that("coverage per 1 000 is the proportion scaled", {
  cov <- yr_coverage(c(546, 62), c(52460, 10455))
  pr <- yr_proportion(c(546, 62), c(52460, 10455))
  expect_equal(cov$rate, 1000 * pr$share, tolerance = 1e-12)
  expect_equal(cov$low, 1000 * pr$low, tolerance = 1e-12)
  expect_equal(cov$high, 1000 * pr$high, tolerance = 1e-12)
  expect_equal(yr_coverage(1, 4, per = 1)$rate, 0.25)
  expect_yr_error(yr_coverage(1, 4, per = 0), "YR_ERR_RANGE")
  expect_yr_error(yr_coverage(5, 4), "YR_ERR_RANGE")
})

test_that("crosstab equals table(), with dimnames from factors", {
  set.seed(3)
  mun <- factor(sample(c("Falun", "Mora", "Orsa"), 500, TRUE), levels = c("Falun", "Mora", "Orsa", "Säter"))
  status <- factor(sample(c("ongoing", "completed"), 500, TRUE))
  m <- yr_crosstab(mun, status)
  expect_true(is.matrix(m))
  expect_identical(dimnames(m), list(levels(mun), levels(status)))
  tab <- table(mun, status)
  names(dimnames(tab)) <- NULL
  expect_identical(m, unclass(tab) + 0)
  expect_identical(m["Säter", ], c(completed = 0, ongoing = 0))
  # Character vectors become factors; 1-based codes give a matrix without dimnames.
  expect_identical(yr_crosstab(c("b", "a", "b"), c("x", "x", "y")),
    matrix(c(1, 1, 0, 1), 2, dimnames = list(c("a", "b"), c("x", "y"))))
  codes <- yr_crosstab(c(1, 2, 2), c(3, 1, 1))
  expect_null(dimnames(codes))
  expect_identical(codes, matrix(c(0, 2, 0, 0, 1, 0), 2))
  expect_identical(dim(yr_crosstab(c(1, 2), c(1, 1), nrows = 4, ncols = 2)), c(4L, 2L))
  expect_identical(yr_crosstab(integer(), integer(), 2, 2), matrix(0, 2, 2))
})

test_that("crosstab and count_by errors", {
  expect_yr_error(yr_crosstab(c(1, 3), c(1, 1), nrows = 2), "YR_ERR_RANGE")
  expect_yr_error(yr_crosstab(c(1, 0), c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "row[2] must be a 1-based index")
  expect_yr_error(yr_crosstab(factor(c("a", NA)), c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "row[2] is NA")
  expect_yr_error(yr_crosstab(1, c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "col has the wrong length")
  expect_yr_error(yr_crosstab(integer(), integer()), "YR_ERR_EMPTY") # nrows 0: the C library says so
  expect_yr_error(yr_crosstab(factor("a"), 1, nrows = 2), "YR_ERR_RANGE", "yrkesresa_input_error", "nrows = 2")
  expect_yr_error(yr_crosstab(1, 1, nrows = 2^31, ncols = 2^31), "YR_ERR_OVERFLOW")
  expect_yr_error(yr_count_by(c(1, 5), ngroups = 3), "YR_ERR_RANGE")
  expect_yr_error(yr_count_by(list(1, 2)), "YR_ERR_RANGE", "yrkesresa_input_error")
})

test_that("count_by equals tabulate(), named by factor levels", {
  g <- c(3, 1, 3, 3, 2, 5)
  expect_identical(yr_count_by(g), as.double(tabulate(g)))
  f <- factor(c("x", "z", "x"), levels = c("x", "y", "z"))
  expect_identical(yr_count_by(f), c(x = 2, y = 0, z = 1))
})

test_that("attendance: the total is sum attended / sum registered, not a mean of rates", {
  courses <- dalarna("courses-2024.csv")
  total_row <- courses[courses$course == "Totalt", ]
  courses <- courses[courses$course != "Totalt", ]
  a <- yr_attendance_rate(setNames(courses$registered, courses$course), courses$attended)
  expect_s3_class(a, "yr_attendance")
  expect_identical(row.names(a), courses$course)
  expect_equal(a$share, courses$attended / courses$registered, tolerance = 1e-15)
  t <- attr(a, "total")
  expect_identical(t$registered, sum(as.double(courses$registered)))
  expect_identical(t$attended, sum(as.double(courses$attended)))
  expect_identical(c(t$registered, t$attended), as.double(c(total_row$registered, total_row$attended)))
  expect_equal(c(share = t$share, low = t$low, high = t$high),
    ref_wilson(sum(courses$attended), sum(courses$registered), 0.95), tolerance = 1e-9)
  # The published rates are the shares rounded to one decimal, the total's included (91.4 %).
  expect_equal(round(100 * a$share, 1), courses$attendance_rate_published_percent)
  expect_equal(round(100 * t$share, 1), total_row$attendance_rate_published_percent)
  expect_output(print(a), "Total:")
  # A course nobody registered for has no rate, but the total still has one.
  z <- yr_attendance_rate(c(0, 10), c(0, 5))
  expect_true(is.nan(z$share[1]))
  expect_identical(attr(z, "total")$share, 0.5)
  expect_yr_error(yr_attendance_rate(c(10, 5), c(11, 5)), "YR_ERR_RANGE")
  expect_yr_error(yr_attendance_rate(0, 0), "YR_ERR_EMPTY")
  expect_yr_error(yr_attendance_rate(c(1, 2), 1), "YR_ERR_RANGE", "yrkesresa_input_error", "attended has the wrong length")
})

test_that("progression: completed course k+1 over completed course k", {
  prog <- dalarna("course-progress-funktionshinder-2025-04-07.csv")
  row <- prog[prog$municipality == "Falun", ]
  completed <- c(
    course1 = row$course1_completed, course2 = row$course2_completed,
    course3 = row$course3_completed
  )
  p <- yr_progression(completed)
  expect_identical(p$from, c("course1", "course2"))
  expect_identical(p$to, c("course2", "course3"))
  expect_identical(p$completed_from, as.double(completed[1:2]))
  expect_identical(p$completed_to, as.double(completed[2:3]))
  expect_equal(p$share, completed[2:3] / completed[1:2], ignore_attr = TRUE)
  expect_equal(p$low[1], unname(ref_wilson(completed[[2]], completed[[1]], 0.95)["low"]), tolerance = 1e-9)
  expect_yr_error(yr_progression(5), "YR_ERR_EMPTY")
  expect_yr_error(yr_progression(c(5, 6)), "YR_ERR_RANGE")
})

test_that("check_totals compares the column sums with the stated total row", {
  acc <- dalarna("accounts-funktionshinder-2025-04-07.csv")
  total_row <- acc$municipality %in% c("Totalt", "Summa")
  body <- acc[!total_row, -1]
  stated <- if (any(total_row)) unlist(acc[total_row, -1]) else colSums(body)
  ct <- yr_check_totals(body, stated)
  expect_identical(ct$column, names(body))
  expect_identical(ct$sum, unname(colSums(body) + 0))
  expect_identical(ct$matches, ct$sum == as.double(stated))
  expect_identical(attr(ct, "mismatched"), as.double(sum(!ct$matches)))
  m <- matrix(c(1, 2, 3, 4), 2, dimnames = list(NULL, c("x", "y")))
  ct <- yr_check_totals(m, c(3, 8))
  expect_identical(ct$sum, c(3, 7))
  expect_identical(ct$matches, c(TRUE, FALSE))
  expect_identical(attr(ct, "mismatched"), 1)
  expect_yr_error(yr_check_totals(m, 3), "YR_ERR_RANGE", "yrkesresa_input_error", "stated has the wrong length")
  expect_yr_error(yr_check_totals(matrix(2^53, 2, 1), 0), "YR_ERR_OVERFLOW")
})
