test_that("Dalarna 2023: 850 000 kr by population gives the published table except Orsa", {
  quiet_total_rows({
  pop <- dalarna("population-2021-06.csv")
  pub <- dalarna("published-split-coordinator-2023.csv")
  pub <- pub[pub$municipality != "Summa", ]
  expect_identical(pop$municipality, pub$municipality)
  expect_equal(sum(pop$population), 288382)
  s <- yr_split(850000, setNames(pop$population, pop$municipality))
  expect_type(s, "double")
  expect_identical(names(s), pop$municipality)
  expect_identical(sum(s), 850000)
  differs <- names(s)[s != pub$amount]
  expect_identical(differs, "Orsa")
  expect_identical(s[["Orsa"]], 20452)
  expect_identical(pub$amount[pub$municipality == "Orsa"], 20453L)
  })
})

test_that("every method is reachable by name and largest remainder is the default", {
  quiet_total_rows({
  w <- c(5, 3, 2)
  expect_identical(yr_methods(), c(
    "largest_remainder", "round_each", "dhondt", "sainte_lague",
    "sainte_lague_modified", "huntington_hill", "adams", "dean"
  ))
  expect_identical(yr_split(7, w), yr_split(7, w, "largest_remainder"))
  # Hand-checked: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 and the remaining unit to 0.5.
  expect_identical(yr_split(7, w), c(4, 2, 1))
  # Round-each: 3.5 -> 4, 2.1 -> 2, 1.4 -> 1 (here the sum happens to be 7).
  expect_identical(yr_split(7, w, "round_each"), c(4, 2, 1))
  # ... and here it is not: quotas 1/3 each round to 0.
  expect_identical(yr_split(1, c(1, 1, 1), "round_each"), c(0, 0, 0))
  # D'Hondt favours the large: 6 seats for 5:3:2 -> priorities 5, 3, 2.5, 2, 1.67(5/3), 1.5 ...
  expect_identical(yr_split(6, w, "dhondt"), c(3, 2, 1))
  # Names are matched case-insensitively, '-' like '_' (yr_method_from_name).
  expect_identical(yr_split(6, w, "Sainte-Lague"), yr_split(6, w, "sainte_lague"))
  # ... and the C library's aliases pass through.
  expect_identical(yr_split(6, w, "jefferson"), yr_split(6, w, "dhondt"))
  })
})

test_that("largest remainder and divisor methods agree with exact references", {
  quiet_total_rows({
  set.seed(20240601)
  for (trial in 1:150) {
    n <- dsample(1:8, 1)
    w <- dsample(0:60, n, replace = TRUE)
    if (all(w == 0)) w[1] <- 1
    total <- dsample(0:120, 1)
    expect_identical(yr_split(total, w), ref_largest_remainder(total, w), info = paste(total, toString(w)))
    expect_identical(yr_split(-total, w), -ref_largest_remainder(total, w))
    for (m in c("dhondt", "sainte_lague", "sainte_lague_modified", "huntington_hill", "adams")) {
      expect_identical(yr_split(total, w, m), ref_divisor(total, w, m),
        info = paste(m, total, toString(w))
      )
    }
  }
  })
})

test_that("ties go to the larger weight, then the earlier party", {
  quiet_total_rows({
  # 1 unit, equal remainders 1/2: the larger weight wins ... no: equal weights, earlier wins.
  expect_identical(yr_split(1, c(1, 1)), c(1, 0))
  # 3 units over 2:2:1 (W = 5): quotas 1.2, 1.2, 0.6 -> floors 1, 1, 0, the last unit to 0.6.
  expect_identical(yr_split(3, c(2, 2, 1)), c(1, 1, 1))
  # 2 units over 1:3 split 1 quota 0.5/1.5: remainders both 1/2, the larger weight wins.
  expect_identical(yr_split(2, c(1, 3)), c(0, 2))
  })
})

test_that("amounts are exact up to 2^53 and refused beyond, never rounded", {
  quiet_total_rows({
  big <- 2^53
  expect_identical(yr_split(big, c(1, 1)), c(big / 2, big / 2))
  expect_identical(yr_split(big, c(1, 0)), c(big, 0))
  expect_identical(yr_split(-big, c(1, 0)), c(-big, 0))
  expect_identical(yr_split(10, c(big, big)), c(5, 5))
  e <- expect_yr_error(yr_split(big + 2, c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "2^53")
  expect_identical(e$what, "total")
  e <- expect_yr_error(yr_split(10, c(1, -(big + 2))), "YR_ERR_RANGE", "yrkesresa_input_error")
  expect_identical(e$what, "weights")
  expect_identical(e$index, 2)
  expect_match(conditionMessage(e), "weights[2]", fixed = TRUE)
  expect_yr_error(yr_split(1e300, 1), "YR_ERR_RANGE", "yrkesresa_input_error", "2^53")
  })
})

test_that("NA, NaN, Inf and fractions are refused with the element named", {
  quiet_total_rows({
  expect_yr_error(yr_split(10, c(1, NA)), "YR_ERR_RANGE", "yrkesresa_input_error", "weights[2] is NA")
  expect_yr_error(yr_split(10, c(1, 2, NA_integer_)), "YR_ERR_RANGE", "yrkesresa_input_error", "weights[3] is NA")
  expect_yr_error(yr_split(NaN, c(1, 2)), "YR_ERR_RANGE", "yrkesresa_input_error", "total is NA")
  expect_yr_error(yr_split(NA, c(1, 2)), "YR_ERR_RANGE", "yrkesresa_input_error")
  expect_yr_error(yr_split(10, c(Inf, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "weights[1] is infinite")
  expect_yr_error(yr_split(10.5, c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "total is not a whole number")
  expect_yr_error(yr_split(10, c(1, 1.25)), "YR_ERR_RANGE", "yrkesresa_input_error", "weights[2] is not a whole number")
  expect_yr_error(yr_split(10, c("1", "2")), "YR_ERR_RANGE", "yrkesresa_input_error", "weights must be a numeric")
  expect_yr_error(yr_split(c(10, 20), c(1, 2)), "YR_ERR_RANGE", "yrkesresa_input_error", "total has the wrong length")
  expect_yr_error(yr_split(10, c(1, 2), method = 1), "YR_ERR_RANGE", "yrkesresa_input_error", "method must be")
  # Integer vectors are accepted as they are.
  expect_identical(yr_split(10L, c(1L, 1L)), c(5, 5))
  })
})

test_that("C statuses become yrkesresa_error conditions with the C message", {
  quiet_total_rows({
  e <- expect_yr_error(yr_split(10, c(1, -1)), "YR_ERR_NEGATIVE")
  expect_false(inherits(e, "yrkesresa_input_error"))
  # the core says where (yr_split_with_where): the argument and the 1-based element
  expect_identical(conditionMessage(e), "weights[2] is negative (-1)")
  expect_identical(e$reason, "YR_REASON_NEGATIVE")
  expect_identical(e$what, "weights")
  expect_identical(e$index, 2)
  expect_identical(e$code, 3L)
  expect_identical(conditionCall(e)[[1]], as.name("yr_split"))
  expect_yr_error(yr_split(10, c(0, 0)), "YR_ERR_ZERO_WEIGHT", message = "all weights are 0, so nothing can take the total 10")
  expect_identical(yr_split(0, c(0, 0)), c(0, 0))
  expect_yr_error(yr_split(10, numeric()), "YR_ERR_EMPTY", message = "weights is empty")
  expect_yr_error(yr_split(-10, c(1, 2), "dhondt"), "YR_ERR_NEGATIVE")
  e <- expect_yr_error(yr_split(10, c(1, 2), "bogus"), "YR_ERR_RANGE", message = "unknown method 'bogus'")
  expect_match(conditionMessage(e), "sainte_lague_modified", fixed = TRUE)
  # Caught by the generic class too.
  expect_identical(tryCatch(yr_split(10, c(0, 0)), yrkesresa_error = function(e) "caught"), "caught")
  })
})

test_that("yr_version is the C library's version and the package's", {
  quiet_total_rows({
  v <- yr_version()
  expect_match(v, "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  expect_identical(v, as.character(utils::packageVersion("yrkesresa")))
  })
})

# Adversarial pass 7, H6: named weights are read by the reader's identity rule, as
# yr_split_frame and `yrkesresa split` read labels: one municipality twice is refused.
test_that("yr_split refuses two names of one municipality in the reader's words", {
  expect_yr_error(yr_split(850000, c(Falun = 59080, Mora = 20355, Orsa = 6892, FALUN = 59080)),
                  "YR_READ_ERR_IDENTITY",
                  message = "'FALUN' is the same municipality as 'Falun' at position 1; remove one of them")
  expect_yr_error(yr_split(100, c(Falun = 3, "Falu kommun" = 1)), "YR_READ_ERR_IDENTITY",
                  message = "'Falu kommun' is the same municipality as 'Falun'")
  expect_yr_error(yr_split(100, c(Falun = 3, Falun = 1)), "YR_ERR_RANGE", message = "twice")
  expect_yr_error(yr_split_mixed(100, c(Mora = 3, MORA = 1), 0.5), "YR_READ_ERR_IDENTITY",
                  message = "same municipality")
  df <- data.frame(municipality = c("Falun", "Mora", "FALUN"), population = c(3, 1, 3))
  expect_yr_error(yr_split_frame(df, 100), "YR_READ_ERR_IDENTITY",
                  message = "'FALUN' is the same municipality as 'Falun' at position 1")
  # other parties, near misses and unnamed weights as before
  expect_identical(yr_split(100, c(Falun = 3, "Region Dalarna" = 1)),
                   c(Falun = 75, "Region Dalarna" = 25))
  expect_identical(yr_split(100, c(3, 1, 3)), c(43, 14, 43))
})

# Adversarial pass 7, C01: a factor weight column is refused as a factor before any total-row
# guess on its level codes (levels 1, 2, 3 of this order made the third row look like a sum).
test_that("yr_split_frame refuses a factor weight column before guessing a total row", {
  df <- data.frame(Kommun = c("Vansbro", "Malung-Sälen", "Gagnef"),
                   Folkmängd = factor(c("6807", "10106", "10271")))
  expect_identical(as.integer(df$Folkmängd), c(3L, 1L, 2L)) # level codes: 3 = 1 + 2
  expect_yr_error(yr_split_frame(df, 850000, weights = "Folkmängd"), "YR_ERR_RANGE",
                  message = "is a factor, not a numeric vector")
})
