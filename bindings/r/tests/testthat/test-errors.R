test_that("every C status maps to its name and message", {
  names <- yrkesresa:::.yr_status_names()
  expect_identical(names, c(
    "YR_OK", "YR_ERR_NULL", "YR_ERR_EMPTY", "YR_ERR_NEGATIVE", "YR_ERR_ZERO_WEIGHT",
    "YR_ERR_OVERFLOW", "YR_ERR_RANGE", "YR_ERR_NOMEM"
  ))
  # A failure object as the .Call layer returns it, for each non-OK status (NULL and NOMEM
  # cannot be provoked from R).
  for (code in 1:7) {
    f <- structure(code, what = "", index = 0, class = "yrkesresa_failure")
    e <- tryCatch(yrkesresa:::.yr_check(f, quote(f())), error = function(e) e)
    expect_s3_class(e, "yrkesresa_error")
    expect_false(inherits(e, "yrkesresa_input_error"))
    expect_identical(e$status, names[code + 1])
    expect_identical(e$code, code)
    expect_identical(conditionMessage(e), yrkesresa:::c_yr_strerror(code))
  }
  expect_identical(yrkesresa:::c_yr_strerror(99L), "unknown status")
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
