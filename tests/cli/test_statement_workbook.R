# `yrkesresa statement --per-municipality --output FILE.xlsx` read back with readxl (issue 22.2):
# the sheets, each municipality's amounts against the program's CSV statement (another writer),
# the share and percentage against the population file computed here, the cell types.
#   YRKESRESA=BUILD/tools/yrkesresa SOURCE_DIR=. Rscript tests/cli/test_statement_workbook.R
library(testthat)

bin <- Sys.getenv("YRKESRESA", "yrkesresa")
src <- Sys.getenv("SOURCE_DIR", ".")
f <- function(p) file.path(src, p)
pot <- c("--attendance", f("data/examples/pot-2024-attendance.csv"),
         "--trainers", f("data/examples/pot-2024-trainers.csv"), "--invoice-date", "2024-12-13")
items <- f("data/examples/agreement-2024-items.csv")
popfile <- f("data/dalarna/population-2021-06.csv")

have_xlsx <- any(grepl("xlsx", system2(bin, "--help", stdout = TRUE)))
if (!have_xlsx || !requireNamespace("readxl", quietly = TRUE)) {
  cat("note: built without libxlsxwriter or no readxl: skipped\n")
  quit(status = 77)
}

book <- tempfile(fileext = ".xlsx")
rc <- system2(bin, c("statement", "--items", items, pot, "--per-municipality", "--output", book,
                     popfile), stdout = FALSE, stderr = FALSE)
csv <- read.csv(text = system2(bin, c("statement", "--items", items, pot, popfile),
                                stdout = TRUE, stderr = FALSE),
                check.names = FALSE, encoding = "UTF-8")
pop <- read.csv(popfile, check.names = FALSE, encoding = "UTF-8")
pop <- pop[pop[[1]] != "Summa", ]

test_that("one sheet per municipality after the statement's", {
  expect_equal(rc, 0)
  expect_equal(readxl::excel_sheets(book), c("Statement", pop[[1]]))
})

test_that("the summary sheet is the statement", {
  s <- readxl::read_excel(book, sheet = "Statement")
  expect_equal(s$municipality, csv$municipality)
  for (col in c("Regional samordnare", "total", "fees", "kickback", "net"))
    expect_equal(s[[col]], as.numeric(csv[[col]]))
  expect_s3_class(s$due_date, "POSIXct")
})

test_that("each sheet: amounts, dates, population, exact share and percentage", {
  wsum <- sum(pop[[2]])
  for (k in seq_len(nrow(pop))) {
    name <- pop[[1]][k]
    w <- pop[[2]][k]
    sh <- readxl::read_excel(book, sheet = name, col_types = "list")
    expect_equal(names(sh), c("item", "amount", "quota"))
    cell <- function(label) sh$amount[[match(label, sh$item)]]
    line <- csv[csv$municipality == name, ]
    for (key in c("Regional samordnare", "Administrativt stöd", "total", "fees", "kickback",
                  "net")) {
      expect_true(is.numeric(cell(key)))
      expect_equal(cell(key), as.numeric(line[[key]]))
    }
    expect_equal(cell("total") + cell("fees") - cell("kickback"), cell("net"))
    expect_equal(format(cell("due_date")), "2025-01-13")
    expect_equal(cell("municipality"), name)
    expect_equal(cell("population"), w)
    expect_equal(cell("share"), paste0(w, "/", wsum))
    expect_true(is.numeric(cell("share_percent")))
    expect_lte(abs(cell("share_percent") - 100 * w / wsum), 0.00005 + 1e-12)
    expect_equal(round(cell("share_percent") * 10000), cell("share_percent") * 10000)
  }
})
