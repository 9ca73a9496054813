test_that("the Dalarna example runs and draws its charts", {
  script <- system.file("examples", "dalarna.R", package = "yrkesresa")
  skip_if(script == "", "example not installed")
  skip_if_not_installed("ggplot2")
  out <- tempfile("dalarna-")
  on.exit(unlink(out, recursive = TRUE), add = TRUE)
  rscript <- file.path(R.home("bin"), "Rscript")
  log <- suppressWarnings(system2(rscript, c(shQuote(script), shQuote(out)), stdout = TRUE, stderr = TRUE))
  expect_null(attr(log, "status"), info = paste(log, collapse = "\n"))
  expect_true(any(grepl("Orsa: 20 452 kr, published 20 453 kr", log, fixed = TRUE)))
  expect_true(any(grepl("reproduced by: round_each", log, fixed = TRUE)))
  expect_true(any(grepl("39 000 000 kr over 290 municipalities in 21 counties", log, fixed = TRUE)))
  for (png in c("dalarna-split.png", "dalarna-survey.png", "national-2018-counties.png")) {
    f <- file.path(out, png)
    expect_true(file.exists(f))
    # A PNG file starts with \x89PNG.
    expect_identical(readBin(f, "raw", 4), as.raw(c(0x89, 0x50, 0x4e, 0x47)))
  }
})
