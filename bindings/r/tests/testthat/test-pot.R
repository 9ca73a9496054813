test_that("Dalarna 2024 rules come from C", {
  r <- yr_pot_rules()
  expect_s3_class(r, "yr_pot_rules")
  expect_identical(r$fee, 600)
  expect_identical(r$pot_part, 400)
  expect_identical(r$shares, c(trainer = 10, leader = 15))
  r2 <- yr_pot_rules(fee = 700, leader = 2)
  expect_identical(c(r2$fee, r2$pot_part), c(700, 400))
  expect_identical(r2$shares, c(trainer = 10, leader = 20))
  # Shares as decimals (yr_pot_rules_with_shares): 1.5 and 1 are Dalarna's 15 and 10 tenths.
  expect_identical(yr_pot_rules(leader = 1.5, trainer = 1)$shares, c(trainer = 10, leader = 15))
  # the C library's sentence (no R re-check of its rules)
  e <- expect_yr_error(yr_pot_rules(fee = -1), "YR_ERR_NEGATIVE", message = "fee is negative (-1)")
  expect_identical(e$what, "fee")
  e <- expect_yr_error(yr_pot_rules(pot_part = 700), "YR_ERR_RANGE", message = "pot_part 700 is larger than fee 600")
  expect_identical(e$what, "pot_part")
  expect_identical(e$reason, "YR_REASON_LARGER")
  expect_output(print(r), "fee 600 per participant and day, of which 400 to the pot; shares: trainer 10, leader 15", fixed = TRUE)
})

test_that("a hand-computed settlement", {
  att <- data.frame(
    day = c("d1", "d1", "d2", "d3"), municipality = c("A", "B", "C", "A"),
    participants = c(10, 5, 3, 2)
  )
  tr <- data.frame(
    day = c("d1", "d1", "d3"), municipality = c("A", "B", "B"),
    role = c("kursledare", "utbildare", "Trainer")
  )
  p <- yr_pot_settle(att, tr)
  expect_s3_class(p, "yr_pot_settlement")
  expect_identical(p$municipality, c("A", "B", "C"))
  # d1: pot 400*15 = 6000 shared 15:10 -> A 3600, B 2400. d2: nobody trained -> 1200
  # undistributed. d3: pot 800, all to B.
  expect_identical(p$participant_days, c(12, 5, 3))
  expect_identical(p$fees, c(7200, 3000, 1800))
  expect_identical(p$admin, c(2400, 1000, 600))
  expect_identical(p$pot_in, c(4800, 2000, 1200))
  expect_identical(p$kickback, c(3600, 3200, 0))
  expect_identical(p$net, c(3600, -200, 1800))
  s <- attr(p, "summary")
  expect_identical(s[["undistributed"]], 1200)
  expect_identical(s[["days_without_trainer"]], 1)
  expect_identical(s[["kickback"]] + s[["undistributed"]], s[["pot_in"]])
  u <- attr(p, "undistributed")
  expect_identical(u$day, "d2")
  expect_identical(u$amount, 1200)
  expect_output(print(p), "undistributed 1 200", fixed = TRUE)
})

test_that("factor levels give the municipalities, including those without records", {
  lv <- c("Avesta", "Borlänge", "Falun")
  att <- data.frame(day = 1, municipality = factor("Falun", levels = lv), participants = 3)
  tr <- data.frame(day = 1, municipality = factor("Avesta", levels = lv), role = "leader")
  p <- yr_pot_settle(att, tr)
  expect_identical(as.character(p$municipality), lv)
  expect_identical(p$kickback, c(1200, 0, 0))
  expect_identical(p$fees, c(0, 0, 1800))
})

# The warning of a day with trainers but no participants muffled (random years have such days).
quiet_days <- function(expr) {
  withCallingHandlers(expr, yrkesresa_day_warning = function(w) invokeRestart("muffleWarning"))
}

test_that("random years agree with an exact reference", {
  set.seed(2024)
  for (trial in 1:60) {
    y <- random_pot_year()
    att <- y$att
    tr <- y$tr
    p <- quiet_days(yr_pot_settle(att, tr)) # random days: some with trainers only
    ref <- y$ref
    for (col in c("participant_days", "fees", "admin", "pot_in", "kickback", "net")) {
      expect_identical(p[[col]], ref[[col]], info = paste(trial, col))
    }
    expect_identical(attr(p, "summary")[["undistributed"]], ref$undistributed)
  }
})

test_that("the 2024-like example year keeps every invariant", {
  path <- system.file("extdata", "examples", package = "yrkesresa")
  skip_if(!file.exists(file.path(path, "pot-2024-attendance.csv")), "example data not installed")
  att <- utils::read.csv(file.path(path, "pot-2024-attendance.csv"), encoding = "UTF-8")
  tr <- utils::read.csv(file.path(path, "pot-2024-trainers.csv"), encoding = "UTF-8")
  p <- yr_pot_settle(att, tr)
  s <- attr(p, "summary")
  expect_identical(sum(p$participant_days), sum(as.double(att$participants)))
  expect_identical(sum(p$fees), sum(p$admin) + sum(p$pot_in))
  expect_identical(sum(p$kickback) + s[["undistributed"]], sum(p$pot_in))
  expect_identical(sum(attr(p, "undistributed")$amount), s[["undistributed"]])
  expect_identical(p$net, p$fees - p$kickback)
  # Only municipalities that lent trainers get a kickback.
  expect_true(all(p$municipality[p$kickback > 0] %in% tr$municipality))
  expect_gt(sum(p$kickback), 0)
})

test_that("pot errors", {
  att <- data.frame(day = 1, municipality = "A", participants = 3)
  tr <- data.frame(day = 1, municipality = "A", role = "leader")
  e <- expect_yr_error(yr_pot_settle(att, transform(tr, role = "chef")), "YR_ERR_RANGE", message = "unknown role 'chef' (known: trainer, leader, utbildare, kursledare)")
  expect_identical(e$index, 1)
  expect_yr_error(yr_pot_settle(transform(att, participants = -1), tr), "YR_ERR_NEGATIVE")
  expect_yr_error(yr_pot_settle(transform(att, participants = NA), tr), "YR_ERR_RANGE", "yrkesresa_input_error", "attendance$participants[1] is NA")
  expect_yr_error(yr_pot_settle(transform(att, participants = 2.5), tr), "YR_ERR_RANGE", "yrkesresa_input_error", "not a whole number")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(pot_part = 700)), "YR_ERR_RANGE")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(fee = -1)), "YR_ERR_NEGATIVE")
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(fee = 0.5)), "YR_ERR_RANGE", "yrkesresa_input_error", "fee is not a whole number")
  expect_yr_error(yr_pot_settle(att, tr, list(fee = 1)), "YR_ERR_RANGE", "yrkesresa_input_error", "yr_pot_rules()")
  expect_yr_error(yr_pot_settle(att[c("day", "participants")], tr), "YR_ERR_RANGE", "yrkesresa_input_error", "columns day, municipality, participants")
  expect_yr_error(yr_pot_settle(transform(att, municipality = NA), tr), "YR_ERR_RANGE", "yrkesresa_input_error", "attendance$municipality[1] is NA")
  # A day whose trainers all have share 0 while it has a pot.
  expect_yr_error(yr_pot_settle(att, tr, yr_pot_rules(leader = 0)), "YR_ERR_RANGE")
  # Fees past 2^53 fit in int64 but not exactly in an R number: refused, not rounded.
  big <- transform(att, participants = 2^52)
  expect_yr_error(yr_pot_settle(big, tr), "YR_ERR_OVERFLOW", message = "2^53")
  # No trainers at all: everything is undistributed.
  p <- yr_pot_settle(att, NULL)
  expect_identical(attr(p, "summary")[["undistributed"]], 1200)
})

test_that("the C function's words: yr_pot_settle; the old yr_settle_pot still works, deprecated", {
  att <- data.frame(day = "d1", municipality = c("Falun", "Mora"), participants = c(4, 2))
  tr <- data.frame(day = "d1", municipality = "Falun", role = "leader")
  expect_warning(old <- yr_settle_pot(att, tr), "yr_pot_settle")
  expect_identical(old, yr_pot_settle(att, tr))
  expect_identical(yr_pot_rules_dalarna_2024(), yr_pot_rules())
  expect_identical(yr_pot_rules_with_shares(600, 400, 1.5, 1), yr_pot_rules())
  expect_identical(yr_audit_split(100, c(1, 3), c(25, 75)), yr_audit(100, c(1, 3), c(25, 75)))
  expect_identical(yr_fraction_from_text("30 %"), c(num = 30, den = 100))
  expect_identical(yr_fraction_from_double(0.3), c(num = 3, den = 10))
  expect_identical(yr_label_trim(" Falun "), "Falun")
  expect_identical(yr_label_is_total(c("Summa", "Falun")), c(TRUE, FALSE))
})

# yr_pot_by_day: each municipality's rows add up to its kickback by the independent reference
# (ref_pot), each row is the floor or the ceiling of its exact entitlement pot_d x shares / S_d
# computed here, and its quota is that entitlement exactly.
test_that("yr_pot_by_day: rows add up to the reference kickback, within their entitlement", {
  set.seed(22)
  shares <- c(10, 15)
  for (trial in 1:60) {
    y <- random_pot_year()
    att <- y$att
    tr <- y$tr
    nmun <- y$nmun
    b <- quiet_days(yr_pot_by_day(att, tr))
    ref <- y$ref
    got <- vapply(seq_len(nmun), function(m) sum(b$kickback[as.integer(b$municipality) == m]), 0)
    expect_identical(got, ref$kickback, info = paste(trial))
    # one row per (day, municipality) with trainers
    expect_identical(nrow(b), nrow(unique(tr[c("day", "municipality")])), info = paste(trial))
    for (i in seq_len(nrow(b))) {
      d <- b$day[i]
      m <- b$municipality[i]
      pot_d <- 400 * sum(att$participants[att$day == d])
      s_d <- sum(shares[(tr$role[tr$day == d] == "leader") + 1])
      s_m <- sum(shares[(tr$role[tr$day == d & tr$municipality == m] == "leader") + 1])
      num <- pot_d * s_m # the entitlement num / s_d
      expect_true(b$kickback[i] %in% c(num %/% s_d, -((-num) %/% s_d)), info = paste(trial, i))
      expect_identical((b$quota_whole[i] * b$quota_den[i] + b$quota_rem[i]) * s_d,
                       num * b$quota_den[i], info = paste(trial, i))
      expect_identical(b$trainers[i], as.double(sum(tr$day == d & tr$municipality == m)))
    }
    expect_identical(attr(b, "days_off"), 0)
  }
})

test_that("yr_pot_by_day: the example year adds up to yr_pot_settle, labels kept, errors", {
  att <- data.frame(day = c("d1", "d2"), municipality = c("A", "A"), participants = c(1, 1))
  tr <- data.frame(day = rep(c("d1", "d2"), each = 3), municipality = rep(c("A", "B", "C"), 2),
                   role = rep(c("leader", "trainer", "trainer"), 2))
  b <- yr_pot_by_day(att, tr)
  # pot.h's example: each day's 400 is A 171.43, B 114.29, C 114.29; the year A 343, B 229,
  # C 228; A's extra unit on day 1, B's on day 2
  expect_identical(b$day, c("d1", "d1", "d1", "d2", "d2", "d2"))
  expect_identical(b$municipality, c("A", "B", "C", "A", "B", "C"))
  expect_identical(b$kickback, c(172, 114, 114, 171, 115, 114))
  expect_identical(yr_quota_text(b$quota_whole[1], b$quota_rem[1], b$quota_den[1]), "171.4285…")
  expect_yr_error(yr_pot_by_day(transform(att, participants = -1), tr), "YR_ERR_NEGATIVE")
  expect_yr_error(yr_pot_by_day(att, transform(tr, role = "chef")), "YR_ERR_RANGE")
})

# F20 (adversarial 5): municipalities joined by the library's identity (yr_identity_key), as
# `yrkesresa pot --attendance Q-att.csv --trainers Q5-utb-falu-kommun.csv` joins them. By hand
# (Dalarna 2024): 2024-03-12 pot 15 x 400 = 6000 shared 15:10, Falun's course leader 3600 and
# Mora's trainer 2400; 2024-04-16 pot 12 x 400 = 4800 to Orsa. Falun: fees 6000, net 2400.
test_that("pot joins 'Falu kommun' with 'Falun' as the program does (F20)", {
  att <- data.frame(
    day = c("2024-03-12", "2024-03-12", "2024-04-16", "2024-04-16"),
    municipality = c("Falun", "Mora", "Borl\u00e4nge", "Orsa"), participants = c(10, 5, 8, 4)
  )
  tr <- data.frame(
    day = c("2024-03-12", "2024-03-12", "2024-04-16"),
    municipality = c("Falu kommun", "Mora kommun", "ORSA"),
    role = c("kursledare", "utbildare", "kursledare")
  )
  s <- yr_pot_settle(att, tr)
  expect_identical(s$municipality, c("Falun", "Mora", "Borl\u00e4nge", "Orsa"))
  expect_identical(s$kickback, c(3600, 2400, 0, 4800))
  expect_identical(s$net, c(2400, 600, 4800, -2400))
  d <- yr_pot_by_day(att, tr)
  expect_identical(d$municipality, c("Falun", "Mora", "Orsa"))
  expect_identical(d$kickback, c(3600, 2400, 4800))
  f <- yr_pot_settle(
    data.frame(day = "d1", municipality = factor(c("2080", "Falun")), participants = c(10, 5)),
    data.frame(day = "d1", municipality = "2080 Falun", role = "utbildare")
  )
  expect_identical(as.character(f$municipality), "2080")
  expect_identical(c(f$participant_days, f$kickback), c(15, 6000))
  # a number beside names is read as text, as the program reads a cell: 2080 is Falun
  m <- yr_pot_settle(
    data.frame(day = "d1", municipality = c(2080, 2062), participants = c(10, 5)),
    data.frame(day = "d1", municipality = "Falu kommun", role = "kursledare")
  )
  expect_identical(m$kickback, c(6000, 0))
})

test_that("pot refuses a code that is another municipality and 'Borlange' (F20)", {
  tr <- data.frame(day = "d1", municipality = "Falun", role = "utbildare")
  expect_error(
    yr_pot_settle(data.frame(day = "d1", municipality = "2080 Mora", participants = 1), tr),
    "code 2080 is Falun, not 'Mora'"
  )
  att <- data.frame(day = "d1", municipality = c("Falun", "Borlange"), participants = c(10, 5))
  expect_error(yr_pot_settle(att, tr), "did you mean Borl\u00e4nge\\?")
  expect_error(yr_pot_by_day(att, tr, other_parties = TRUE), "did you mean Borl\u00e4nge\\?")
  o <- yr_pot_settle(
    data.frame(day = "d1", municipality = c("Falun", "Region Dalarna"), participants = 1),
    data.frame(day = "d1", municipality = "Region Dalarna", role = "utbildare"),
    other_parties = TRUE
  )
  expect_identical(o$kickback, c(0, 800))
})

# A course column (adversarial pass 7, H1): a pot is a course day's. 2024-03-12 Kurs 1: Falun 10
# + Mora 5, pot 6000, leader Falun: 6000. Kurs 2: Borlänge 8 + Avesta 4, pot 4800, leader
# Borlänge 15 and trainer Avesta 10: 2880 and 1920 (pooled before: 4050, 4050, 2700).
two_courses <- function(course = "course") {
  att <- data.frame(
    day = rep("2024-03-12", 4), course = c("Kurs 1", "Kurs 1", "Kurs 2", "Kurs 2"),
    municipality = c("Falun", "Mora", "Borlänge", "Avesta"), participants = c(10, 5, 8, 4)
  )
  tr <- data.frame(
    day = rep("2024-03-12", 3), course = c("Kurs 1", "Kurs 2", "Kurs 2"),
    municipality = c("Falun", "Borlänge", "Avesta"),
    role = c("kursledare", "kursledare", "utbildare")
  )
  names(att)[2] <- course
  names(tr)[2] <- course
  list(att = att, tr = tr)
}

test_that("two courses on one date have their own pots", {
  for (course in c("course", "Kurs", "Pass")) {
    x <- two_courses(course)
    p <- yr_pot_settle(x$att, x$tr)
    expect_identical(setNames(p$kickback, p$municipality),
                     c(Falun = 6000, Mora = 0, "Borlänge" = 2880, Avesta = 1920))
  }
  x <- two_courses()
  b <- yr_pot_by_day(x$att, x$tr)
  expect_identical(names(b)[1:3], c("day", "course", "municipality"))
  expect_identical(b$course, c("Kurs 1", "Kurs 2", "Kurs 2"))
  expect_identical(b$kickback, c(6000, 2880, 1920))
  # a course day nobody trained: undistributed, with its course (Falun 2: 800)
  att <- rbind(x$att, data.frame(day = "2024-03-13", course = "Kurs 3",
                                 municipality = "Falun", participants = 2))
  u <- attr(yr_pot_settle(att, x$tr), "undistributed")
  expect_identical(u$course, "Kurs 3")
  expect_identical(u$amount, 800)
})

test_that("a course column that cannot split the pots is refused", {
  x <- two_courses()
  e <- expect_error(yr_pot_settle(x$att, x$tr[-2]), class = "yrkesresa_read_error")
  expect_match(e$message, "attendance:3: 2024-03-12 has two courses in column 'course' ('Kurs 1' at line 1, 'Kurs 2' here), but trainers has no course column", fixed = TRUE)
  tr <- x$tr
  tr$course <- c("Kurs 1", "Kurs2", "Kurs2")
  e <- expect_error(yr_pot_settle(x$att, tr), class = "yrkesresa_read_error")
  expect_match(e$message, "attendance:3: course 'Kurs 2' on 2024-03-12 has attendance rows but no trainer in trainers, which names 'Kurs 1', 'Kurs2' that day", fixed = TRUE)
  tr$course <- c("Kurs 1", NA, "Kurs 2")
  e <- expect_error(yr_pot_settle(x$att, tr), class = "yrkesresa_read_error")
  expect_match(e$message, "trainers:2: column 'course' is empty", fixed = TRUE)
})

# Adversarial pass 7, H5 and C03: days are read by the reader's one day rule (yr_read_day), as
# `yrkesresa pot` reads its two files. Known answer: 2024-02-06 Falun 10 + Mora 5 (pot 6000, a
# course leader from Mora alone), 2024-03-12 Orsa 7 (pot 2800, a trainer from Falun alone).
test_that("yr_pot_settle: Date, POSIXct, factor, character and serial days meet as one day", {
  att <- data.frame(day = as.Date(c("2024-02-06", "2024-02-06", "2024-03-12")),
                    municipality = c("Falun", "Mora", "Orsa"), participants = c(10, 5, 7))
  tr <- data.frame(day = c("2024-02-06", "2024-03-12"), municipality = c("Mora", "Falun"),
                   role = c("Kursledare", "Utbildare"))
  kick <- function(a, t) {
    expect_no_warning(s <- yr_pot_settle(a, t))
    stats::setNames(s$kickback, as.character(s$municipality))
  }
  expected <- c(Falun = 2800, Mora = 6000, Orsa = 0)
  expect_identical(kick(att, tr), expected)
  tr2 <- tr
  tr2$day <- as.POSIXct(c("2024-02-06", "2024-03-12"), tz = "Europe/Stockholm")
  att2 <- att
  att2$day <- as.character(att2$day)
  expect_identical(kick(att2, tr2), expected)
  att2$day <- factor(c("2024-2-6", "2024-2-6", "2024-3-12"))
  tr2$day <- c(45328, 45363) # Excel serials
  expect_identical(kick(att2, tr2), expected)
  expect_identical(attr(yr_pot_settle(att[1, ], tr[0, ]), "undistributed")$day, "2024-02-06")
})

test_that("yr_pot_settle: a day with a time or dates mixed with labels is refused, naming the row", {
  att <- data.frame(day = c("2024-02-06", "2024-02-06"), municipality = c("Falun", "Mora"),
                    participants = c(10, 5))
  tr <- data.frame(day = as.POSIXct("2024-02-06 09:30", tz = "UTC"), municipality = "Mora",
                   role = "leader")
  e <- expect_yr_error(yr_pot_settle(att, tr), "YR_READ_ERR_CELL",
                       message = "trainers row 1: the day '2024-02-06 09:30:00'")
  tr$day <- "Dag 1"
  expect_yr_error(yr_pot_settle(att, tr), "YR_READ_ERR_CELL",
                  message = "trainers row 1: the day 'Dag 1' is no date, but the days from line 1 of attendance are dates")
  att$day[2] <- NA
  expect_yr_error(yr_pot_settle(att, tr), "YR_READ_ERR_CELL",
                  message = "attendance row 2: the day is empty")
  expect_yr_error(yr_pot_settle(transform(att, day = TRUE), tr), "YR_ERR_RANGE",
                  message = "attendance$day is of class logical")
})

test_that("yr_pot_settle warns of a trainer day with no participants, as `yrkesresa pot` does", {
  att <- data.frame(day = "2024-02-06", municipality = "Falun", participants = 10)
  tr <- data.frame(day = "2024-02-07", municipality = "Mora", role = "leader")
  expect_warning(s <- yr_pot_settle(att, tr),
                 "day '2024-02-07' has trainers but no participants (nothing to share)", fixed = TRUE)
  expect_identical(attr(s, "undistributed")$day, "2024-02-06")
  expect_warning(yr_pot_by_day(att, tr), "has trainers but no participants", fixed = TRUE)
})
