# The shared conformance suite (tests/conformance/*.case, format in PLAN and the C runner
# tests/test_conformance.c) through the public R functions: the same inputs must give the same
# results or the same error status as C, the CLI and Python. A case R cannot express is skipped
# with its reason (printed by testthat), never passed, and only when tests/conformance/README.md
# lists it for this runner ("skipped by r (N): ..."). A missing, unreadable or empty corpus fails.

# YR_CONFORMANCE_DIR (meson sets it), else the copy installed with the package (prepare.sh).
conformance_dir <- function() {
  d <- Sys.getenv("YR_CONFORMANCE_DIR")
  if (nzchar(d)) d else system.file("conformance", package = "yrkesresa")
}

read_case <- function(path) {
  lines <- trimws(readLines(path, encoding = "UTF-8", warn = FALSE))
  lines <- lines[nzchar(lines) & !startsWith(lines, "#")]
  key <- sub(":.*$", "", lines)
  value <- trimws(sub("^[^:]*:", "", lines))
  stats::setNames(as.list(value), key)
}

# Whole numbers as R numbers (cannot_run() has refused the cases with one of 2^53 or more).
ints <- function(text) {
  if (is.null(text)) {
    return(NULL)
  }
  v <- as.numeric(strsplit(trimws(text), "[[:space:]]+")[[1]])
  if (any(abs(v) >= 2^53)) stop(sprintf("'%s': 2^53 or beyond, cannot_run() should have said so", text))
  v
}

# The keys that hold decimal text or names, not whole numbers.
text_keys <- c(
  "op", "method", "tie", "text", "value", "percent", "leader", "trainer", "threshold",
  "first_divisor", "equal_part", "target", "confidence", "expect_error", "expect_verdict",
  "date", "equal_parts", "rates", "rate", "expect_reason", "expect_due", "expect_text"
)

# The operations run_op() expresses; the others have no R form yet (tests/conformance/README.md).
r_ops <- c(
  "split", "split_mixed", "split_table", "split_nested", "fraction_text", "fraction_double",
  "count_from_percent", "pot_shares", "goal_check", "find_total_row", "split_table_mixed",
  "rate_item", "bank_day", "due_date_bank", "audit_table", "percent_text", "quota_text",
  "share_text"
)

# Why R cannot express the case, or NULL: an operation without an R form, or a whole number of
# 2^53 or more (R numbers are doubles: beyond 2^53 the text may already have been rounded to
# another number, e.g. 2^53 + 1 to 2^53).
cannot_run <- function(c) {
  if (!(c$op %in% r_ops)) {
    return(sprintf("op '%s' has no R form yet", c$op))
  }
  for (k in setdiff(names(c), text_keys)) {
    v <- suppressWarnings(as.numeric(strsplit(trimws(gsub("|", " ", c[[k]], fixed = TRUE)), "[[:space:]]+")[[1]]))
    if (any(!is.na(v) & abs(v) >= 2^53)) {
      return(sprintf("%s: '%s': R numbers hold whole numbers only below 2^53", k, c[[k]]))
    }
  }
  NULL
}

# The case files of dir and the names of those README.md lists as skipped by this runner (line
# 'skipped by r (N): TOKEN ...', a token a case name or op=OP for every case of an op); an error
# (never a skip) when dir is missing, holds no case, has no such line, or the line names N cases
# but says another count.
read_corpus <- function(dir) {
  if (!nzchar(dir) || !dir.exists(dir)) stop("no conformance directory '", dir, "'")
  files <- sort(list.files(dir, pattern = "\\.case$", full.names = TRUE))
  if (length(files) == 0L) stop("no conformance cases in ", dir)
  readme <- file.path(dir, "README.md")
  if (!file.exists(readme)) stop("cannot read ", readme)
  line <- grep("^skipped by r \\([0-9]+\\):", readLines(readme, encoding = "UTF-8", warn = FALSE), value = TRUE)
  if (length(line) != 1L) stop(readme, ": no line 'skipped by r (N): TOKENS'")
  n <- as.integer(sub("^skipped by r \\(([0-9]+)\\):.*$", "\\1", line))
  tokens <- strsplit(trimws(sub("^[^:]*:", "", line)), "[[:space:]]+")[[1]]
  ops <- sub("^op=", "", tokens[startsWith(tokens, "op=")])
  stems <- sub("\\.case$", "", basename(files))
  case_ops <- vapply(files, function(p) read_case(p)$op, character(1), USE.NAMES = FALSE)
  names <- stems[stems %in% tokens | case_ops %in% ops]
  if (length(names) != n) {
    stop(readme, ": 'skipped by r' says ", n, ", its tokens name ", length(names), " cases")
  }
  list(files = files, skips = names)
}

# A decimal written as text as an R user passes it: the double it reads as (C reads it back
# through yr_fraction_from_double, the same decimal), or else (e.g. "4 %") the exact pair of
# yr_fraction_from_text.
frac <- function(text) {
  if (is.null(text)) {
    return(NULL)
  }
  x <- suppressWarnings(as.numeric(text))
  if (!is.na(x)) x else unname(yr_fraction(text))
}

run_op <- function(c) {
  switch(c$op,
    split = yr_split(ints(c$total), ints(c$weights),
      method = if (is.null(c$method)) "largest_remainder" else c$method,
      tie = if (is.null(c$tie)) "larger" else c$tie, minimum = ints(c$minimum),
      maximum = ints(c$maximum), threshold = frac(c$threshold), first_divisor = frac(c$first_divisor)
    ),
    split_mixed = yr_split_mixed(ints(c$total), ints(c$weights), frac(c$equal_part)),
    split_table = as.matrix(yr_split_table(ints(c$totals), ints(c$weights))),
    split_nested = {
      g <- ints(c$groups)
      yr_split_nested(ints(c$total), ints(c$weights), factor(g, levels = seq_len(ints(c$ngroups)) - 1))
    },
    fraction_text = yr_fraction(c$text),
    fraction_double = yr_fraction(as.numeric(c$value)),
    count_from_percent = yr_count_from_percent(as.numeric(sub(",", ".", c$percent)), ints(c$n)),
    pot_shares = yr_pot_rules(
      fee = ints(c$fee), pot_part = ints(c$pot_part), leader = frac(c$leader), trainer = frac(c$trainer)
    ),
    goal_check = yr_goal_check(ints(c$yes), ints(c$n), as.numeric(c$target), as.numeric(c$confidence)),
    find_total_row = {
      found <- NA
      withCallingHandlers(yr_split(0, ints(c$weights)), yrkesresa_total_row_warning = function(w) {
        found <<- w$index
        invokeRestart("muffleWarning")
      })
      found
    },
    split_table_mixed = as.matrix(yr_split_table_mixed(
      ints(c$totals), strsplit(c$equal_parts, " +")[[1]], ints(c$weights)
    )),
    rate_item = yr_rate_item(c$rate, ints(c$weights)),
    bank_day = yr_is_bank_day(c$date),
    due_date_bank = yr_due_date_bank(c$date, ints(c$days)),
    audit_table = {
      rows <- do.call(rbind, lapply(strsplit(c$published, "|", fixed = TRUE)[[1]], ints))
      words <- function(x) if (is.null(x)) NULL else strsplit(trimws(x), " +")[[1]]
      yr_audit_table(ints(c$totals), ints(c$weights), rows,
        equal_parts = words(c$equal_parts), rates = words(c$rates),
        stated_total = ints(c$stated_total), fees = ints(c$fees), kickback = ints(c$kickback),
        net = ints(c$net)
      )
    },
    percent_text = yr_percent_text(ints(c$num), ints(c$den), ints(c$decimals)),
    quota_text = yr_quota_text(ints(c$whole), ints(c$rem), ints(c$den), ints(c$decimals)),
    share_text = yr_share_text(ints(c$part), ints(c$whole)),
    stop("unknown op '", c$op, "'")
  )
}

check_result <- function(c, got) {
  same <- function(a, b) expect_identical(unname(as.double(a)), unname(as.double(b)))
  switch(c$op,
    split = , split_mixed = same(got, ints(c$expect)),
    split_table = , split_table_mixed = {
      rows <- lapply(strsplit(c$expect, "|", fixed = TRUE)[[1]], ints)
      same(got, do.call(rbind, rows))
    },
    rate_item = {
      same(got$amounts, ints(c$expect))
      same(got$total, ints(c$expect_total))
    },
    bank_day = {
      expect_identical(got$bank_day, c$expect_bank_day == "1")
      expect_identical(if (is.na(got$reason)) "none" else got$reason, c$expect_reason)
    },
    due_date_bank = expect_identical(format(got), c$expect_due),
    audit_table = {
      same(got$counts, ints(c$expect_counts))
      expect_identical(got$verdict, c$expect_verdict)
    },
    percent_text = , quota_text = , share_text = expect_identical(got, c$expect_text),
    split_nested = {
      same(got$amount, ints(c$expect))
      same(attr(got, "groups"), ints(c$expect_groups))
    },
    fraction_text = , fraction_double = same(got, c(ints(c$expect_num), ints(c$expect_den))),
    count_from_percent = {
      same(got, ints(c$expect_count))
      expect_identical(attr(got, "exact"), ints(c$expect_exact) == 1)
    },
    pot_shares = {
      same(c(got$fee, got$pot_part), c(ints(c$fee), ints(c$pot_part)))
      same(got$shares[c("leader", "trainer")], ints(c$expect_shares))
      # the case itself: shares over expect_den are the leader and trainer shares
      den <- ints(c$expect_den)
      l <- unname(yr_fraction(c$leader))
      t <- unname(yr_fraction(c$trainer))
      expect_identical(ints(c$expect_shares) * c(l[2], t[2]), c(l[1], t[1]) * den)
    },
    goal_check = expect_identical(as.character(got), c$expect_verdict),
    find_total_row = expect_identical(
      got, if (identical(c$expect_index, "none")) NA else ints(c$expect_index) + 1
    )
  )
}

corpus <- tryCatch(read_corpus(conformance_dir()), error = function(e) e)
files <- if (inherits(corpus, "error")) character() else corpus$files

test_that("the conformance directory is found, readable and holds cases", {
  if (inherits(corpus, "error")) fail(conditionMessage(corpus))
  expect_gt(length(files), 0L)
})

test_that("the cases skipped are exactly those README.md lists for r", {
  if (inherits(corpus, "error")) fail(conditionMessage(corpus))
  cannot <- vapply(files, function(p) !is.null(cannot_run(read_case(p))), logical(1))
  expect_setequal(sub("\\.case$", "", basename(files[cannot])), corpus$skips)
})

test_that("the corpus guard fails on a missing, empty or undocumented directory", {
  d <- tempfile("corpus")
  expect_error(read_corpus(d), "no conformance directory")
  dir.create(d)
  on.exit(unlink(d, recursive = TRUE))
  expect_error(read_corpus(d), "no conformance cases")
  writeLines("op: split", file.path(d, "a.case"))
  writeLines("op: bank_day", file.path(d, "b.case"))
  expect_error(read_corpus(d), "cannot read")
  writeLines("skipped by cli (0):", file.path(d, "README.md"))
  expect_error(read_corpus(d), "no line 'skipped by r")
  writeLines("skipped by r (2): a", file.path(d, "README.md"))
  expect_error(read_corpus(d), "says 2, its tokens name 1 cases")
  writeLines("skipped by r (2): a op=bank_day", file.path(d, "README.md"))
  expect_identical(read_corpus(d)$skips, c("a", "b"))
  writeLines("skipped by r (1): op=bank_day", file.path(d, "README.md"))
  expect_identical(read_corpus(d)$skips, "b")
  expect_identical(cannot_run(list(op = "no_such_op", date = "2025-01-01")), "op 'no_such_op' has no R form yet")
  expect_null(cannot_run(list(op = "bank_day", date = "2025-01-01")))
  expect_identical(cannot_run(list(op = "split", total = "9007199254740993", weights = "1")),
    "total: '9007199254740993': R numbers hold whole numbers only below 2^53")
  expect_null(cannot_run(list(op = "split", total = "9007199254740991", weights = "1 | 2")))
  expect_null(cannot_run(list(op = "fraction_text", text = "90071992547409930")))
})

for (path in files) {
  test_that(paste("conformance:", basename(path)), {
    c <- read_case(path)
    reason <- cannot_run(c)
    if (!is.null(reason)) {
      if (!(sub("\\.case$", "", basename(path)) %in% corpus$skips)) {
        fail(paste0(basename(path), ": ", reason, ", and README.md does not list it as skipped"))
      }
      skip(paste("documented skip:", reason))
    }
    if (!is.null(c$expect_error)) {
      e <- tryCatch(suppressWarnings(run_op(c)), yrkesresa_error = function(e) e)
      expect_s3_class(e, "yrkesresa_error")
      expect_identical(e$status, c$expect_error)
    } else {
      check_result(c, suppressWarnings(run_op(c)))
    }
  })
}
