test_that("a C status becomes a classed condition with its name, code and message", {
  # One status of each kind that R can provoke, through the generated entry points.
  cases <- list(
    YR_ERR_EMPTY = function() yr_split(100, numeric(0)),
    YR_ERR_NEGATIVE = function() yr_split(100, c(1, -1)),
    YR_ERR_ZERO_WEIGHT = function() yr_split(100, c(0, 0)),
    YR_ERR_RANGE = function() yr_proportion(11, 10)
  )
  for (status in names(cases)) {
    e <- tryCatch(cases[[status]](), error = function(e) e)
    expect_s3_class(e, "yrkesresa_error")
    expect_false(inherits(e, "yrkesresa_input_error"))
    expect_identical(e$status, status)
    expect_identical(yrkesresa:::c_yr_status_name(e$code), status)
    expect_match(conditionMessage(e), yrkesresa:::c_yr_strerror(e$code), fixed = TRUE)
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
    yr_split, yr_split_mixed, yr_audit, yr_methods, yr_pot_rules, yr_settle_pot, yr_proportion,
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
