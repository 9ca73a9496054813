# `yrkesresa statement --per-municipality --output FILE.xlsx` read back with readxl (issue 22.2):
# the sheets, each municipality's amounts against the program's CSV statement (another writer),
# the share and percentage against the population file computed here, the cells' types.
test_that("statement --per-municipality --output FILE.xlsx: one sheet per municipality", {
  cli <- Sys.getenv("YR_CLI")
  skip_if(cli == "", "the program is not built (YR_CLI unset)")
  skip_if_not_installed("readxl")
  skip_if(!any(grepl("xlsx", system2(cli, "--help", stdout = TRUE))), "built without libxlsxwriter")
  ex <- function(f) system.file("extdata", "examples", f, package = "yrkesresa")
  popfile <- system.file("extdata", "dalarna", "population-2021-06.csv", package = "yrkesresa")
  skip_if(ex("agreement-2024-items.csv") == "", "example data not installed")
  args <- c("statement", "--items", ex("agreement-2024-items.csv"),
            "--attendance", ex("pot-2024-attendance.csv"), "--trainers", ex("pot-2024-trainers.csv"),
            "--invoice-date", "2024-12-13")
  book <- tempfile(fileext = ".xlsx")
  on.exit(unlink(book))
  rc <- system2(cli, c(args, "--per-municipality", "--output", book, popfile),
                stdout = FALSE, stderr = FALSE)
  expect_identical(rc, 0L)
  csv <- utils::read.csv(text = system2(cli, c(args, popfile), stdout = TRUE, stderr = FALSE),
                         check.names = FALSE, encoding = "UTF-8")
  pop <- utils::read.csv(popfile, check.names = FALSE, encoding = "UTF-8")
  pop <- pop[pop[[1]] != "Summa", ]
  expect_identical(readxl::excel_sheets(book), c("Statement", pop[[1]]))

  s <- readxl::read_excel(book, sheet = "Statement")
  expect_identical(s$municipality, csv$municipality)
  for (col in c("Regional samordnare", "total", "fees", "kickback", "net"))
    expect_identical(s[[col]], as.numeric(csv[[col]]))
  expect_s3_class(s$due_date, "POSIXct")

  wsum <- sum(pop[[2]])
  for (k in seq_len(nrow(pop))) {
    name <- pop[[1]][k]
    w <- pop[[2]][k]
    sh <- readxl::read_excel(book, sheet = name, col_types = "list")
    expect_identical(names(sh), c("item", "amount", "quota"))
    cell <- function(label) sh$amount[[match(label, sh$item)]]
    line <- csv[csv$municipality == name, ]
    for (key in c("Regional samordnare", "Administrativt stöd", "total", "fees", "kickback", "net")) {
      expect_true(is.numeric(cell(key)), info = paste(name, key))
      expect_identical(cell(key), as.numeric(line[[key]]), info = paste(name, key))
    }
    expect_identical(cell("total") + cell("fees") - cell("kickback"), cell("net"))
    expect_s3_class(cell("due_date"), "POSIXct")
    expect_identical(format(cell("due_date"), "%Y-%m-%d"), "2025-01-13")
    expect_identical(cell("municipality"), name)
    expect_identical(cell("population"), as.numeric(w))
    expect_identical(cell("share"), paste0(w, "/", wsum)) # the exact fraction, as text
    pct <- cell("share_percent")
    expect_true(is.numeric(pct))
    expect_lte(abs(pct - 100 * w / wsum), 0.00005 + 1e-12) # four decimals, rounded
    expect_equal(round(pct * 10000), pct * 10000)
  }
})
