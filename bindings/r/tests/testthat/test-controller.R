# The 0.3 controller functions in R (issue 22): the C words; expectations worked by hand.

test_that("a statement with a rate item and its audit", {
  # 100 by weights 1, 3, 5: quotas 11.1, 33.3, 55.6 -> 11, 33, 56; a rate of 0,5: 0.5, 1.5,
  # 2.5 rounded half away from zero -> 1, 2, 3 (total 6)
  s <- yr_statement_items(c(100, 0), c(1, 3, 5), rates = c(NA, "0,5"))
  expect_equal(unname(s$cells), rbind(c(11, 1), c(33, 2), c(56, 3)))
  expect_equal(s$item_totals, c(100, 6))
  a <- yr_audit_table(c(100, 6), c(1, 3, 5), s$cells, rates = c("-", "0,5"))
  expect_equal(unname(a$counts), rep(0, 7))
  expect_equal(a$verdict, "reproduces the table split (yr_split_table)")
  off <- yr_audit_table(c(100, 6), c(1, 3, 5), rbind(c(12, 1), c(33, 2), c(56, 3)),
                        rates = c("-", "0,5"))
  expect_equal(unname(off$counts[1]), 1)
})

test_that("bank days, due dates and the texts", {
  expect_equal(yr_is_bank_day("2025-06-20"), list(bank_day = FALSE, reason = "midsommarafton"))
  expect_true(yr_is_bank_day(as.Date("2025-01-13"))$bank_day)
  expect_equal(yr_due_date_bank("2024-12-13", 30), as.Date("2025-01-13"))
  expect_equal(yr_share_text(59752, 288382), "59752/288382")
  expect_equal(yr_percent_text(59752, 288382), "20.7197") # 20.71973...
  expect_equal(yr_quota_text(12, 1, 2), "12.5000")
  expect_error(yr_is_bank_day("2024-13-01"), class = "yrkesresa_input_error")
  expect_error(yr_split_table_mixed(c(100, 50), c("0.3", "150%"), c(1, 2, 4)),
               "equal_parts\\[2\\] = 150%: .*more than the whole")
})
