test_that("a C status becomes a classed condition with its name, code and the library's sentence", {
  # One status of each kind that R can provoke, through the generated entry points; the message
  # is the C library's sentence saying why (yr_where_message, elements counted from 1).
  cases <- list(
    YR_ERR_EMPTY = list(function() yr_split(100, numeric(0)),
      "weights is empty: there is nothing to work on", "YR_REASON_EMPTY"),
    YR_ERR_NEGATIVE = list(function() yr_split(100, c(1, -1)),
      "weights[2] is negative (-1)", "YR_REASON_NEGATIVE"),
    YR_ERR_ZERO_WEIGHT = list(function() yr_split(100, c(0, 0)),
      "all weights are 0, so nothing can take the total 100", "YR_REASON_ALL_ZERO"),
    YR_ERR_RANGE = list(function() yr_proportion(11, 10),
      "successes 11 is larger than trials 10", "YR_REASON_LARGER")
  )
  for (status in names(cases)) {
    e <- tryCatch(cases[[status]][[1]](), error = function(e) e)
    expect_s3_class(e, "yrkesresa_error")
    expect_false(inherits(e, "yrkesresa_input_error"))
    expect_identical(e$status, status)
    expect_identical(yrkesresa:::c_yr_status_name(e$code), status)
    expect_identical(conditionMessage(e), cases[[status]][[2]])
    expect_identical(e$reason, cases[[status]][[3]])
  }
  expect_identical(yrkesresa:::c_yr_strerror(99L), "unknown status")
  expect_identical(yrkesresa:::.yr_status_code("YR_ERR_RANGE"), 6L)
})

test_that("error classes", {
  e <- tryCatch(yr_split(1, NA), error = function(e) e)
  expect_identical(class(e), c("yrkesresa_input_error", "yrkesresa_error", "error", "condition"))
  e <- tryCatch(yr_split(1, -1), error = function(e) e)
  expect_identical(class(e), c("yrkesresa_error", "error", "condition"))
  # Results beyond 2^53 are an overflow, not an input error.
  e <- tryCatch(yr_check_totals(matrix(2^53, 2, 1), 0), error = function(e) e)
  expect_identical(class(e), c("yrkesresa_error", "error", "condition"))
  expect_identical(e$status, "YR_ERR_OVERFLOW")
})

test_that("the condition's call is the public function the user called", {
  e <- tryCatch(yr_split(100, c(1, -1)), error = function(e) e)
  expect_identical(conditionCall(e)[[1]], as.name("yr_split"))
  f <- function(w) yr_audit(100, w, c(50, 50))
  e <- tryCatch(f(c(1, -1)), error = function(e) e)
  expect_identical(conditionCall(e)[[1]], as.name("yr_audit"))
})

test_that("R code names no SWIG internal", {
  src <- system.file(package = "yrkesresa")
  ns <- asNamespace("yrkesresa")
  ours <- c(
    yr_split, yr_split_mixed, yr_audit, yr_methods, yr_pot_rules, yr_pot_settle, yr_proportion,
    yr_goal_check, yr_coverage, yr_crosstab, yr_count_by, yr_attendance_rate, yr_progression,
    yr_check_totals
  )
  for (f in ours) {
    body_text <- paste(deparse(f), collapse = "\n")
    expect_false(grepl("__E__|R_swig_|\\.Call", body_text))
  }
  expect_true(nzchar(src))
  expect_true(exists("c_yr_split_with_where", envir = ns))
})
