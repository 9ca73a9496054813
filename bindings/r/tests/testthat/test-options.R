# Issues 14 and 15 in R: split options, Dean, the split table and the two-level split.

test_that("tie rules: the Portuguese rule gives an exact tie to the smaller weight", {
  quiet_total_rows({
    # D'Hondt, 2 seats for weights 6 and 3: priorities 6, 3 (6/2), 3 (3/1): the second seat is
    # an exact tie.
    expect_identical(yr_split(2, c(6, 3), "dhondt"), c(2, 0))
    expect_identical(yr_split(2, c(6, 3), "dhondt", tie = "larger"), c(2, 0))
    expect_identical(yr_split(2, c(6, 3), "dhondt", tie = "smaller"), c(1, 1))
    expect_yr_error(yr_split(2, c(6, 3), "dhondt", tie = "report"), "YR_ERR_TIE")
    expect_identical(yr_split(3, c(6, 3), "dhondt", tie = "report"), c(2, 1))
    expect_yr_error(yr_split(2, c(6, 3), "dhondt", tie = "coin"), "YR_ERR_RANGE", message = "unknown tie")
  })
})

test_that("threshold, bounds and the first divisor reach C exactly", {
  w <- c(A = 52, B = 30, C = 15, D = 3)
  # 4 %: D is below and gets nothing; the rest split as if it had weight 0
  expect_identical(yr_split(10, w, "sainte_lague", threshold = 0.04),
    c(yr_split(10, w[1:3], "sainte_lague"), D = 0))
  # every party at least 1, at most 4
  s <- yr_split(10, w, "dhondt", minimum = c(1, 1, 1, 1), maximum = c(4, 4, 4, 4))
  expect_identical(sum(s), 10)
  expect_true(all(s >= 1 & s <= 4))
  # bounds by name, in any order
  expect_identical(
    yr_split(10, w, "dhondt", minimum = c(D = 1, C = 1, B = 1, A = 1), maximum = c(D = 4, C = 4, B = 4, A = 4)),
    s
  )
  expect_yr_error(yr_split(10, w, minimum = c(1, 1, 1, 1)), "YR_ERR_RANGE")
  expect_yr_error(yr_split(10, w, "dhondt", minimum = c(1, 1)), "YR_ERR_RANGE", message = "minimum has the wrong length")
  # 1.4 (Norway) is read as 14/10, like Python's float 1.4
  n14 <- yr_split(7, c(5000, 2000, 1000, 500), "sainte_lague", first_divisor = 1.4)
  n10 <- yr_split(7, c(5000, 2000, 1000, 500), "sainte_lague")
  expect_identical(sum(n14), 7)
  expect_true(n14[4] <= n10[4])
  expect_yr_error(yr_split(7, c(1, 2), "dhondt", first_divisor = 1.4), "YR_ERR_RANGE", message = "first_divisor")
})

test_that("Dean's method is there by name", {
  expect_true("dean" %in% yr_methods())
  expect_identical(sum(yr_split(11, c(10, 7, 4), "dean")), 11)
})

test_that("the split table: columns exact, one column per item", {
  pop <- c(Avesta = 22986, Borlange = 52460, Falun = 59752, Mora = 20436)
  t <- yr_split_table(c(coordinator = 850000, travel = 180000), pop)
  expect_s3_class(t, "data.frame")
  expect_identical(names(t), c("label", "coordinator", "travel"))
  expect_identical(row.names(t), names(pop))
  expect_identical(t$label, names(pop))
  t <- t[-1]
  expect_identical(colSums(t), c(coordinator = 850000, travel = 180000))
  # each column is within one unit of its quota; rows add to the largest-remainder split of
  # the sum of the items here
  expect_true(all(abs(t$coordinator - 850000 * pop / sum(pop)) < 1))
  expect_identical(unname(rowSums(t)), unname(yr_split(1030000, pop)))
  # the case where no table can have largest-remainder rows still has exact columns
  t2 <- yr_split_table(c(2, 70), c(3, 0, 226, 4, 816, 4, 5))
  expect_identical(unname(colSums(t2)), c(2, 70))
  e <- expect_yr_error(yr_split_table(c(10, -1), pop), "YR_ERR_NEGATIVE")
  expect_identical(e$what, "totals")
})

test_that("the two-level split: groups add to the total, parties to their group", {
  w <- c(a = 10, b = 20, c = 30, d = 40)
  r <- yr_split_nested(1001, w, c("x", "y", "x", "y"))
  expect_s3_class(r, "data.frame")
  g <- attr(r, "groups")
  expect_identical(sum(g), 1001)
  expect_identical(c(tapply(r$amount, r$group, sum))[names(g)], g)
  expect_identical(unname(g), yr_split(1001, c(40, 60)))
  expect_output(print(r), "Group amounts")
  e <- expect_yr_error(yr_split_nested(100, c(1, -2), c("x", "y")), "YR_ERR_NEGATIVE")
  expect_identical(e$index, 2)
})

test_that("yr_split_frame adds an amount column to a data frame", {
  df <- data.frame(kommun = c("Avesta", "Falun"), population = c(1, 3))
  out <- yr_split_frame(df, 100, weights = "population")
  expect_identical(out$amount, c(25, 75))
  expect_identical(names(out), c("kommun", "population", "amount"))
})
