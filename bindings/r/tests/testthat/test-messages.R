# One input, one message (issue 23): the C library composes the sentence of an error once
# (yr_where_message); R, Python and the program show it unchanged. R's condition message is the
# sentence; Python's yrkesresa.Error.message is the same sentence (its str puts the function and
# argument in front); the program prints it after FILE: or its own context, with the
# library's parameter names shown as its options by one documented table (pot_part -> --pot,
# fee -> --fee, equal_part -> --equal-part) and the status name after it.

cases <- list(
  list(
    sentence = "pot_part 400 is larger than fee 300",
    r = function() yr_pot_rules_with_shares(300, 400, 1.5, 1),
    py = "yrkesresa.pot_rules_with_shares(300, 400, 1.5, 1)",
    cli = c("pot", "--fee", "300", "--pot", "400", "--attendance", "a.csv", "--trainers", "t.csv"),
    shown = "--pot 400 is larger than --fee 300"
  ),
  list(
    sentence = "equal_part 3/2 is more than the whole",
    r = function() yr_split_mixed(100, c(Falun = 1, Mora = 2), c(3, 2)),
    py = "yrkesresa.split_mixed(100, [1, 2], (3, 2))",
    cli = c("split", "--total", "100", "--equal-part", "3/2", "POP"),
    shown = "--equal-part 3/2 is more than the whole"
  ),
  list(
    sentence = "confidence 95 is not between 0 and 1 (a share, not a percentage: 0.95 for 95 %)",
    r = function() yr_proportion(17, 22, confidence = 95),
    py = "yrkesresa.proportion(17, 22, confidence=95)",
    cli = NULL, shown = NULL
  )
)

test_that("R's condition message is the C library's sentence", {
  for (k in cases) {
    e <- tryCatch(k$r(), error = function(e) e)
    expect_s3_class(e, "yrkesresa_error")
    expect_identical(conditionMessage(e), k$sentence)
  }
})

test_that("Python's yrkesresa.Error.message is the same sentence", {
  py <- Sys.getenv("YR_PYTHON")
  skip_if(py == "", "the Python binding is not built (YR_PYTHON unset)")
  for (k in cases) {
    script <- tempfile(fileext = ".py")
    writeLines(c(
      "import yrkesresa",
      "try:",
      paste0("    ", k$py),
      "except yrkesresa.Error as e:",
      "    assert str(e).endswith(e.message), str(e)",
      "    print(e.message)"
    ), script)
    out <- system2(py, script, stdout = TRUE,
                   env = paste0("PYTHONPATH=", Sys.getenv("YR_PYTHONPATH")))
    expect_identical(out, k$sentence)
  }
})

test_that("the program prints the same sentence, its options named by its one table", {
  cli <- Sys.getenv("YR_CLI")
  skip_if(cli == "", "the program is not built (YR_CLI unset)")
  pop <- system.file("extdata", "dalarna", "population-2021-06.csv", package = "yrkesresa")
  for (k in Filter(function(k) !is.null(k$cli), cases)) {
    args <- sub("^POP$", pop, k$cli)
    err <- suppressWarnings(system2(cli, args, stdout = FALSE, stderr = TRUE))
    expect_identical(attr(err, "status"), 2L)
    # the sentence with pot_part, fee, equal_part shown as --pot, --fee, --equal-part
    renamed <- k$sentence
    for (n in list(c("pot_part", "--pot"), c("fee", "--fee"), c("equal_part", "--equal-part"))) {
      renamed <- gsub(paste0("\\b", n[1], "\\b"), n[2], renamed, perl = TRUE)
    }
    expect_identical(renamed, k$shown)
    expect_true(endsWith(err[1], paste0(k$shown, " (YR_ERR_RANGE)")), info = err[1])
  }
})
