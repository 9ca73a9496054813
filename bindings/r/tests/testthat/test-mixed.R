test_that("mixed model: equal part per party, the rest by weight, rows add to the total", {
  quiet_total_rows({
  w <- c(100, 200, 700)
  # 30 % of 1000 equally (100 each), 700 by weight 1:2:7 -> 70, 140, 490: exact, no rounding.
  expect_identical(yr_split_mixed(1000, w, 0.3), c(170, 240, 590))
  expect_identical(yr_split_mixed(1000, w, c(3, 10)), c(170, 240, 590))
  # All equal / none equal.
  expect_identical(yr_split_mixed(999, w, 1), c(333, 333, 333))
  expect_identical(yr_split_mixed(1000, w, 0), yr_split(1000, w))
  # A zero-weight party still gets its equal share.
  expect_identical(yr_split_mixed(100, c(0, 1), c(1, 2)), c(25, 75))
  expect_identical(names(yr_split_mixed(10, c(a = 1, b = 1), 0.5)), c("a", "b"))
  })
})

test_that("mixed model matches an exact reference on small integers", {
  quiet_total_rows({
  set.seed(7)
  for (trial in 1:100) {
    n <- dsample(1:6, 1)
    w <- dsample(0:40, n, replace = TRUE)
    if (all(w == 0)) w[1] <- 1
    total <- dsample(-200:200, 1)
    num <- dsample(0:10, 1)
    den <- 10
    # Exact quota of party i: total*num/(den*n) + total*(den-num)*w_i/(den*W), over the common
    # denominator D = den*n*W; then largest remainder as in ref_largest_remainder().
    W <- sum(w)
    D <- den * n * W
    q <- total * num * W + total * (den - num) * w * n
    sgn <- if (total < 0) -1 else 1
    q <- sgn * q
    fl <- q %/% D
    rem <- q %% D
    k <- sgn * total - sum(fl)
    ord <- order(-rem, -w, seq_len(n))
    fl[ord[seq_len(k)]] <- fl[ord[seq_len(k)]] + 1
    expect_identical(yr_split_mixed(total, w, c(num, den)), sgn * fl,
      info = paste(total, num, toString(w))
    )
  }
  })
})

test_that("equal_part: a double is read as its shortest decimal (yr_fraction_from_double)", {
  quiet_total_rows({
  expect_identical(yr_split_mixed(30, c(1, 2), 0.1), yr_split_mixed(30, c(1, 2), c(1, 10)))
  # 0.1 + 0.2 is 30000000000000004/10^17 (yr_fraction_from_double), as in Python: [325, 675]
  expect_identical(yr_split_mixed(1000, c(1, 3), 0.1 + 0.2), c(325, 675))
  expect_identical(yr_fraction(0.3), c(num = 3, den = 10))
  expect_identical(yr_fraction(1.5), c(num = 15, den = 10))
  expect_identical(yr_fraction("12,5 %"), c(num = 125, den = 1000))
  # its numerator is beyond 2^53: R cannot hold it, so it is refused rather than rounded
  expect_yr_error(yr_fraction(0.1 + 0.2), "YR_ERR_OVERFLOW")
  expect_yr_error(yr_split_mixed(30, c(1, 2), NA), "YR_ERR_RANGE", "yrkesresa_input_error")
  expect_yr_error(yr_split_mixed(30, c(1, 2), c(1, 2, 3)), "YR_ERR_RANGE", "yrkesresa_input_error")
  expect_yr_error(yr_split_mixed(30, c(1, 2), c(1.5, 2)), "YR_ERR_RANGE", "yrkesresa_input_error", "equal_part[1] is not a whole number")
  # Outside [0, 1] or a zero denominator: the C library refuses it.
  e <- expect_yr_error(yr_split_mixed(30, c(1, 2), 1.5), "YR_ERR_RANGE")
  expect_false(inherits(e, "yrkesresa_input_error"))
  expect_yr_error(yr_split_mixed(30, c(1, 2), c(1, 0)), "YR_ERR_RANGE")
  expect_yr_error(yr_split_mixed(30, c(0, 0), 0.5), "YR_ERR_ZERO_WEIGHT")
  })
})
