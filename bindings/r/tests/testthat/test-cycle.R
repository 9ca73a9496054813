# yr_statement and yr_check_parts (include/yrkesresa/cycle.h), with hand-worked numbers.

test_that("a Dalarna statement: two items over the 2021 population", {
  pop <- dalarna("population-2021-06.csv")
  w <- setNames(as.double(pop$population), pop$municipality)
  s <- yr_statement(c(kurs = 850000, resor = 180000), w)
  expect_identical(names(s), c("municipality", "kurs", "resor", "total"))
  expect_identical(s$municipality, names(w))
  expect_identical(sum(s$kurs), 850000)
  expect_identical(sum(s$resor), 180000)
  expect_identical(s$kurs + s$resor, s$total)
  # Each line is the municipality's largest-remainder share of the 1 030 000 kr.
  expect_identical(s$total, unname(yr_split(1030000, w)))
  expect_identical(attr(s, "sum"), c(total = 1030000, fees = 0, kickback = 0, net = 1030000))
  expect_identical(attr(s, "year_totals")[[2]], s$total)
  expect_identical(unname(attr(s, "year_sums")), 1030000)
})

test_that("fees and kickbacks by name give the net to invoice", {
  s <- yr_statement(c(x = 1000), c(A = 1, B = 3), fees = c(B = 1200), kickback = c(A = 300))
  expect_identical(s$x, c(250, 750))
  expect_identical(s$fees, c(0, 1200))
  expect_identical(s$kickback, c(300, 0))
  expect_identical(s$net, c(-50, 1950))
  expect_identical(attr(s, "sum"), c(total = 1000, fees = 1200, kickback = 300, net = 1900))
  s2 <- yr_statement(c(x = 1000), c(A = 1, B = 3), fees = c(0, 1200), kickback = c(300, 0))
  expect_identical(s2, s)
})

test_that("a pot settlement supplies fees and kickbacks by municipality", {
  att <- data.frame(day = c(1, 1, 2), municipality = c("B", "A", "A"), participants = c(4, 2, 3))
  tr <- data.frame(day = c(1, 2), municipality = c("A", "A"), role = c("leader", "trainer"))
  p <- yr_pot_settle(att, tr)
  s <- yr_statement(c(x = 5000), c(A = 2, B = 3), pot = p)
  expect_identical(s$x, c(2000, 3000))
  expect_identical(s$fees, p$fees[match(c("A", "B"), p$municipality)])
  expect_identical(s$kickback, p$kickback[match(c("A", "B"), p$municipality)])
  expect_identical(s$net, s$total + s$fees - s$kickback)
  expect_identical(sum(s$fees), 600 * 9)
  expect_gt(s$kickback[1], 0)
})

test_that("items over years, each split by that year's weights", {
  w <- cbind(y1 = c(1, 1), y2 = c(2, 1))
  rownames(w) <- c("A", "B")
  s <- yr_statement(c(a = 100, b = 90), w, year = c("y1", "y2"))
  expect_identical(s$a, c(50, 50))
  expect_identical(s$b, c(60, 30))
  expect_identical(s$total, c(110, 80))
  yt <- attr(s, "year_totals")
  expect_identical(names(yt), c("municipality", "y1", "y2"))
  expect_identical(yt$y1, c(50, 50))
  expect_identical(yt$y2, c(60, 30))
  expect_identical(attr(s, "year_sums"), c(y1 = 100, y2 = 90))
  df <- data.frame(municipality = c("A", "B"), y1 = c(1, 1), y2 = c(2, 1))
  expect_identical(yr_statement(c(a = 100, b = 90), df, year = c("y1", "y2")), s)
})

test_that("statement errors name the argument and element", {
  w <- cbind(y1 = c(1, 1, 1), y2 = c(1, -2, 1))
  e <- expect_yr_error(yr_statement(c(a = 1, b = 1), w, year = c(1, 2)), "YR_ERR_NEGATIVE")
  expect_identical(e$what, "weights")
  expect_identical(c(e$index, e$column), c(2, 2))
  expect_identical(conditionCall(e)[[1]], as.name("yr_statement"))
  e <- expect_yr_error(yr_statement(c(a = 1, b = -1), c(1, 1)), "YR_ERR_NEGATIVE")
  expect_identical(c(e$what, e$column), c("totals", "2"))
  expect_yr_error(yr_statement(c(a = 5), c(0, 0)), "YR_ERR_ZERO_WEIGHT")
  expect_yr_error(yr_statement(c(a = 1), c(A = 1), year = "2030"), "YR_ERR_RANGE",
                  "yrkesresa_input_error", "unknown year \"2030\"")
  expect_yr_error(yr_statement(c(a = 1), c(A = 1), fees = c(B = 1)), "YR_ERR_RANGE",
                  "yrkesresa_input_error", "fees for \"B\"")
  expect_yr_error(yr_statement(c(a = 1), c(1, 1), fees = c(1, 2, 3)), "YR_ERR_RANGE",
                  "yrkesresa_input_error", "fees has the wrong length")
  e <- expect_yr_error(yr_statement(c(a = 1), c(1, 1), kickback = c(0, -4)), "YR_ERR_NEGATIVE")
  expect_identical(c(e$what, e$index), c("kickback", "2"))
  expect_yr_error(yr_statement(c(a = NA), c(1, 1)), "YR_ERR_RANGE", "yrkesresa_input_error",
                  "totals[1] is NA")
})

test_that("check_parts: seed 003's stated total against its items", {
  t <- data.frame(item = c("2024", "ok"), stated = c(32850177, 10),
                  a = c(24646080, 5), b = c(4929216, 3), c = c(3286144, 2))
  r <- yr_check_parts(t, "stated", c("a", "b", "c"), labels = "item")
  expect_identical(nrow(r), 1L)
  expect_identical(r$label, "2024")
  expect_identical(r$row, 1L)
  expect_identical(r$stated, 32850177)
  expect_identical(r$sum, 32861440)
  expect_identical(r$difference, 11263)
  expect_identical(attr(r, "checked"), 2L)
  expect_identical(attr(r, "mismatched"), 1)
  # The same by column numbers, on a matrix.
  m <- as.matrix(t[-1])
  r2 <- yr_check_parts(m, 1, 2:4)
  expect_identical(r2$difference, 11263)
  expect_identical(r2$label, 1L)
})

test_that("check_parts errors name the column", {
  m <- cbind(w = c(3, 4), p = c(1, 2), q = c(2, 1))
  e <- expect_yr_error(yr_check_parts(m, 1, c(2, 2)), "YR_ERR_RANGE")
  expect_identical(c(e$what, e$column), c("parts", "2"))
  e <- expect_yr_error(yr_check_parts(m, 1, c(2, 1)), "YR_ERR_RANGE")
  expect_identical(e$what, "parts")
  expect_yr_error(yr_check_parts(m, 1, 9), "YR_ERR_RANGE")
  expect_yr_error(yr_check_parts(m, "w", "zz"), "YR_ERR_RANGE", "yrkesresa_input_error",
                  "no column \"zz\"")
  expect_identical(nrow(yr_check_parts(m, "w", c("p", "q"))), 1L)
  expect_identical(yr_check_parts(m, "w", c("p", "q"))$difference, -1)
})

test_that("yr_statement agrees with Python's statement() on the same input", {
  py <- Sys.getenv("YR_PYTHON")
  skip_if(py == "", "the Python binding is not built (YR_PYTHON unset)")
  pop <- dalarna("population-2021-06.csv")
  w <- setNames(as.double(pop$population), pop$municipality)
  out <- tempfile(fileext = ".csv")
  script <- tempfile(fileext = ".py")
  writeLines(c(
    "import sys, pandas as pd, yrkesresa as y",
    "pop = pd.read_csv(sys.argv[1]).set_index('municipality')['population']",
    "f = y.statement({'kurs': 850000, 'resor': 180001}, pop,",
    "                fees={'Falun': 6000, 'Mora': 1200}, kickback={'Falun': 2500})",
    "f.loc['Summa'] = [None, None] + [f.attrs['sum'][c] for c in ('total', 'fees', 'kickback', 'net')]",
    "f.to_csv(sys.argv[2], index_label='municipality')"
  ), script)
  csv <- system.file("extdata", "dalarna", "population-2021-06.csv", package = "yrkesresa")
  status <- system2(py, c(script, csv, out),
                    env = paste0("PYTHONPATH=", Sys.getenv("YR_PYTHONPATH")))
  expect_identical(status, 0L)
  p <- utils::read.csv(out, encoding = "UTF-8", stringsAsFactors = FALSE)
  s <- yr_statement(c(kurs = 850000, resor = 180001), w,
                    fees = c(Falun = 6000, Mora = 1200), kickback = c(Falun = 2500))
  body <- p[p$municipality != "Summa", ]
  expect_identical(body$municipality, s$municipality)
  for (col in c("kurs", "resor", "total", "fees", "kickback", "net")) {
    expect_identical(as.double(body[[col]]), s[[col]], info = col)
  }
  summa <- unlist(p[p$municipality == "Summa", c("total", "fees", "kickback", "net")])
  expect_identical(as.double(summa), unname(attr(s, "sum")))
})

# F20's rule in yr_statement: fees and kickbacks joined to the weights by the municipality
# identity (yr_identity_key), as `yrkesresa statement` joins its files. By hand: 1000 split 3:1
# is 750 and 250; Falun's pot (10 participants, its own course leader): fees 6000, kickback
# 4000; net 750 + 6000 - 4000 = 2750.
test_that("yr_statement joins the pot's rows by identity", {
  pot <- yr_pot_settle(
    data.frame(day = "d1", municipality = "Falun", participants = 10),
    data.frame(day = "d1", municipality = "Falun", role = "kursledare")
  )
  s <- yr_statement(c(a = 1000), c("Falu kommun" = 3, Mora = 1), pot = pot)
  expect_identical(s$net, c(2750, 250))
  expect_identical(s$kickback, c(4000, 0))
  expect_error(yr_statement(c(a = 1000), c(Falun = 3, FALUN = 1)), "same municipality")
  expect_error(
    yr_statement(c(a = 1000), c(Falun = 3, Mora = 1), fees = c(Falun = 1, "2080" = 2)),
    "one municipality"
  )
  expect_error(yr_statement(c(a = 1000), c(Falun = 3, Borlange = 1)), "Borl\u00e4nge")
  r <- yr_statement(c(a = 1000), c(Falun = 3, "Region Dalarna" = 1), other_parties = TRUE)
  expect_identical(r$total, c(750, 250))
})
