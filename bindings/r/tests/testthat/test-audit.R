test_that("audit of the 2023 coordinator table finds Orsa's extra krona", {
  pub <- dalarna("published-split-coordinator-2023.csv")
  stated <- pub$amount[pub$municipality == "Summa"]
  body <- pub[pub$municipality != "Summa", ]
  a <- yr_audit(stated, setNames(body$population, body$municipality), body$amount)
  expect_s3_class(a, "data.frame")
  expect_s3_class(a, "yr_audit")
  expect_identical(row.names(a), body$municipality)
  s <- attr(a, "summary")
  expect_identical(s$stated_total, 850000)
  # The published rows add to what they add to; the document states 850 000.
  expect_identical(s$published_sum, sum(as.double(body$amount)))
  expect_identical(s$sum_diff, sum(as.double(body$amount)) - 850000)
  expect_identical(s$published_sum, 850001)
  expect_identical(s$quota_den, 288382)
  expect_identical(s$rows_differing, 1)
  expect_identical(s$rows_outside_quota, 0)
  expect_identical(row.names(a)[a$diff != 0], "Orsa")
  expect_identical(a["Orsa", "diff"], 1)
  expect_true(all(a$within_quota))
  # Rounding each row reproduces the published table; largest remainder does not.
  expect_true("round_each" %in% s$methods_matching)
  expect_false("largest_remainder" %in% s$methods_matching)
  expect_identical(a$expected, unname(yr_split(850000, body$population)))
  out <- capture.output(print(a))
  expect_match(out[1], "850 001", fixed = TRUE)
})

test_that("audit quotas are exact: whole * W + rem == stated * w", {
  set.seed(11)
  for (trial in 1:50) {
    n <- dsample(1:7, 1)
    w <- dsample(1:500, n, replace = TRUE)
    total <- dsample(0:5000, 1)
    published <- ref_largest_remainder(total, w) + dsample(-1:1, n, replace = TRUE)
    a <- yr_audit(total, w, published)
    s <- attr(a, "summary")
    expect_identical(a$quota_whole * s$quota_den + a$quota_rem, total * w)
    expect_identical(a$expected, ref_largest_remainder(total, w))
    expect_identical(a$diff, published - a$expected)
    within <- published == a$quota_whole | published == a$quota_whole + (a$quota_rem > 0)
    expect_identical(a$within_quota, within)
    expect_identical(s$rows_differing, as.double(sum(a$diff != 0)))
    expect_identical("largest_remainder" %in% s$methods_matching, all(a$diff == 0))
  }
})

test_that("audit errors", {
  expect_yr_error(yr_audit(10, c(1, 2), 5), "YR_ERR_RANGE", "yrkesresa_input_error", "published has the wrong length")
  expect_yr_error(yr_audit(10, c(1, -2), c(5, 5)), "YR_ERR_NEGATIVE")
  expect_yr_error(yr_audit(10, c(0, 0), c(5, 5)), "YR_ERR_ZERO_WEIGHT")
  expect_yr_error(yr_audit(10, numeric(), numeric()), "YR_ERR_EMPTY")
  expect_yr_error(yr_audit(10, c(1, 2), c(5, NA)), "YR_ERR_RANGE", "yrkesresa_input_error", "published[2] is NA")
  # 1024 weights of 2^53 add to 2^63, past int64: the C library reports the overflow.
  expect_yr_error(yr_audit(0, rep(2^53, 1024), rep(0, 1024)), "YR_ERR_OVERFLOW")
})

test_that("yr_audit_frame audits a table read in tkr in whole tkr (adversarial pass 4, U10)", {
  # 772 tkr by 59000, 52000, 20000, 26000: quotas 772 x 59000 / 157000 = 290.115, 255.694,
  # 98.344, 127.847; largest remainder gives 290 256 98 128, as published. In kronor each row
  # is more than one krona from its quota (290114.6 ...).
  csv <- "Kommun;Folkmängd;Belopp (tkr)\nFalun;59000;290\nBorlänge;52000;256\nMora;20000;98\nLudvika;26000;128\nSumma;157000;772\n"
  df <- yr_read_table(charToRaw(enc2utf8(csv)),
                      want = c("municipality required unique", "amount required checked",
                               "population"))
  expect_identical(attr(df, "reading")$units[["Belopp (tkr)"]], 3L)
  expect_identical(df[["Belopp (tkr)"]], c(290000, 256000, 98000, 128000))
  a <- yr_audit_frame(df, weights = "Folkmängd", published = "Belopp (tkr)", labels = "Kommun",
                      stated_total = 772000)
  expect_identical(attr(a, "unit"), 1000)
  s <- attr(a, "summary")
  expect_identical(s$stated_total, 772)
  expect_identical(s$rows_outside_quota, 0)
  expect_true("largest_remainder" %in% s$methods_matching)
  b <- yr_audit_frame(df, weights = "Folkmängd", published = "Belopp (tkr)", labels = "Kommun",
                      stated_total = 772500)
  expect_identical(attr(b, "unit"), 1)
  expect_identical(attr(b, "summary")$rows_outside_quota, 4)
})
