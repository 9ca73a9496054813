# Region Dalarna with the R package yrkesresa: split the 2023 coordinator cost, audit the
# published tables, settle a year's trainer pot, judge the survey goals, draw charts, and split
# the national 39 Mkr by county and municipality.
#
#   Rscript examples/r/dalarna.R OUTDIR
#
# Reads the tables in data/dalarna/ (and data/examples/) of the source tree when run from it,
# else the copies installed with the package; writes OUTDIR/dalarna-split.png and
# OUTDIR/dalarna-survey.png and OUTDIR/national-2018-counties.png. Stops with an error if a
# known answer does not hold.
suppressPackageStartupMessages({
  library(yrkesresa)
  library(ggplot2)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1L) stop("usage: Rscript dalarna.R OUTDIR")
outdir <- args[[1]]
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

# data/ of the source tree (this script is examples/r/dalarna.R), else the installed copies.
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
root <- if (length(script) == 1L) normalizePath(file.path(dirname(script), "..", "..")) else ""
data_dir <- file.path(root, "data")
if (!dir.exists(file.path(data_dir, "dalarna"))) {
  data_dir <- system.file("extdata", package = "yrkesresa")
}
read_table <- function(...) {
  utils::read.csv(file.path(data_dir, ...), encoding = "UTF-8", stringsAsFactors = FALSE)
}
kr <- function(x) format(x, big.mark = " ", scientific = FALSE)
cat("yrkesresa", yr_version(), "- data from", data_dir, "\n\n")

# 1. The regional coordinator 2023: 850 000 kr by the June 2021 population.
pop <- read_table("dalarna", "population-2021-06.csv")
population <- setNames(pop$population, pop$municipality)
cost <- yr_split(850000, population)
# The published table as it is, Summa row included: yr_audit_frame takes the stated total from
# that row and audits the rest.
pub <- read_table("dalarna", "published-split-coordinator-2023.csv")
a <- yr_audit_frame(pub)
cat("1. Coordinator 2023: 850 000 kr split by population (largest remainder)\n")
cat("   rows add to", kr(sum(cost)), "- published rows add to", kr(attr(a, "summary")$published_sum),
    "against a stated", kr(attr(a, "summary")$stated_total), "\n")
differs <- row.names(a)[a$diff != 0]
for (m in differs) {
  cat(sprintf("   %s: %s kr, published %s kr\n", m, kr(cost[[m]]), kr(a[m, "published"])))
}
stopifnot(sum(cost) == 850000, identical(differs, "Orsa"), cost[["Orsa"]] == 20452)

# 2. Audit every published split that lists its populations.
cat("\n2. Audits of the published splits\n")
for (f in c("published-split-coordinator-2023.csv", "published-split-yr-rss-estimate-2023.csv",
            "published-split-ok-gnv-2022.csv")) {
  t <- read_table("dalarna", f)
  a <- yr_audit_frame(t)
  s <- attr(a, "summary")
  cat(sprintf("   %s: rows add to %s (stated %s, difference %s); %d row(s) differ from largest remainder; reproduced by: %s\n",
              f, kr(s$published_sum), kr(s$stated_total), kr(s$sum_diff),
              as.integer(s$rows_differing),
              if (length(s$methods_matching)) paste(s$methods_matching, collapse = ", ") else "no method"))
  body <- yr_drop_total_rows(t)
  stopifnot(all(a$expected == yr_split(s$stated_total, body$population)))
}

# 2b. The 2024 agreement's two cost items, 850 tkr + 180 tkr = 1 030 tkr, in one invoice table:
# each item's column adds to the item, each municipality's row to its share of 1 030 tkr.
# The first column, label, names the municipality (as the row names do).
items <- yr_split_table(c(coordinator = 850000, travel = 180000), population)
sums <- colSums(items[c("coordinator", "travel")])
cat("\n2b. Two cost items by population (yr_split_table): columns add to",
    kr(sums[["coordinator"]]), "and", kr(sums[["travel"]]), "\n")
stopifnot(sums == c(850000, 180000),
          all(rowSums(items[-1]) == yr_split(1030000, population)))

# 3. The trainer pot of a 2024-like year (made-up attendance, the real rules).
att_file <- file.path(data_dir, "examples", "pot-2024-attendance.csv")
if (file.exists(att_file)) {
  attendance <- read_table("examples", "pot-2024-attendance.csv")
  trainers <- read_table("examples", "pot-2024-trainers.csv")
} else {
  attendance <- data.frame(day = c("d1", "d1", "d2"), municipality = c("Falun", "Mora", "Orsa"),
                           participants = c(10, 5, 3))
  trainers <- data.frame(day = "d1", municipality = c("Falun", "Mora"),
                         role = c("kursledare", "utbildare"))
}
pot <- yr_pot_settle(attendance, trainers, yr_pot_rules())
s <- attr(pot, "summary")
cat("\n3. Trainer pot,", length(unique(attendance$day)), "course days, rules:",
    format(yr_pot_rules()$fee), "kr per participant-day of which",
    format(yr_pot_rules()$pot_part), "to the pot\n")
print(pot[pot$kickback > 0, c("municipality", "participant_days", "fees", "kickback", "net")],
      row.names = FALSE)
cat("   pot", kr(s[["pot_in"]]), "= kickbacks", kr(s[["kickback"]]), "+ undistributed",
    kr(s[["undistributed"]]), "\n")
stopifnot(s[["kickback"]] + s[["undistributed"]] == s[["pot_in"]],
          s[["fees"]] == s[["admin"]] + s[["pot_in"]])

# 4. The manager survey: "at least 80 % answer yes", 22 respondents. The table states
# percentages; yr_count_from_percent gives the whole counts (half away from zero) and flags a
# percentage no whole count of respondents gives.
survey <- read_table("dalarna", "manager-survey-2024.csv")
yes <- yr_count_from_percent(survey$share_yes_percent, survey$respondents)
p <- yr_proportion(as.vector(yes), survey$respondents)
p$question <- survey$question
p$target <- survey$target_percent / 100
p$verdict <- yr_goal_check(as.vector(yes), survey$respondents, p$target)
cat("\n4. Manager survey against the 80 % goal\n")
for (i in which(!attr(yes, "exact"))) {
  cat(sprintf("   note: no whole count of %d respondents gives %s %% (%s is the nearest)\n",
              survey$respondents[i], format(survey$share_yes_percent[i]), format(yes[i])))
}
for (i in seq_len(nrow(p))) {
  cat(sprintf("   %2.0f %% [%2.0f, %2.0f] %-13s %s\n", 100 * p$share[i], 100 * p$low[i],
              100 * p$high[i], p$verdict[i], substr(p$question[i], 1, 60)))
}
stopifnot(all(p$verdict[p$high < p$target] == "not met"),
          all(p$verdict[p$low >= p$target] == "met"))

# 4b. Attendance 2024 from the course table, its Totalt row dropped by its label.
courses <- yr_drop_total_rows(read_table("dalarna", "courses-2024.csv"), "course")
rates <- yr_attendance_rate(courses, labels = "course")
tot <- attr(rates, "total")
cat(sprintf("\n4b. Attendance 2024: %s of %s attended, %.1f %%\n", kr(tot$attended),
            kr(tot$registered), 100 * tot$share))

# 5. Charts.
# Amounts (named, in kronor) as horizontal bars, largest on top, saved as OUTDIR/file.
bar_chart <- function(amounts, unit, unit_name, title, file, height) {
  df <- data.frame(label = factor(names(amounts), levels = names(amounts)[order(amounts)]),
                   value = unname(amounts) / unit)
  g <- ggplot(df, aes(x = value, y = label)) + geom_col(fill = "#2c7fb8") +
    labs(x = unit_name, y = NULL, title = title) + theme_minimal()
  path <- file.path(outdir, file)
  ggsave(path, g, width = 8, height = height, dpi = 100)
  path
}
split_png <- bar_chart(cost, 1000, "thousand kronor",
                       "Regional coordinator 2023: 850 000 kr split by population",
                       "dalarna-split.png", 5)

p$label <- factor(substr(p$question, 1, 45), levels = rev(unique(substr(p$question, 1, 45))))
g2 <- ggplot(p, aes(x = share, y = label, colour = verdict)) +
  geom_vline(xintercept = 0.8, linetype = "dashed") +
  geom_errorbarh(aes(xmin = low, xmax = high), height = 0.2) +
  geom_point() +
  scale_x_continuous(labels = function(x) paste0(100 * x, " %"), limits = c(0, 1)) +
  labs(x = "share answering yes (95 % Wilson interval)", y = NULL,
       title = "Manager survey 2024 (n = 22) against the 80 % goal") +
  theme_minimal()
survey_png <- file.path(outdir, "dalarna-survey.png")
ggsave(survey_png, g2, width = 9, height = 4, dpi = 100)
stopifnot(file.size(split_png) > 0, file.size(survey_png) > 0)
cat("\nCharts:", split_png, survey_png, "\n")

# 6. The whole country: 39 000 000 kr (the SKR feasibility study's estimate) between Sweden's 21
# counties by population, then each county's amount between its municipalities
# (yr_split_nested through yr_split_frame: largest remainder at both levels, so a county's
# municipalities add up exactly to the county's amount). Population of 31 December 2018 (SCB),
# data/sweden/.
read_sweden <- function(name) {
  utils::read.csv(file.path(data_dir, "sweden", name), encoding = "UTF-8",
                  colClasses = c(code = "character"))
}
cat("\n6. The whole country, 2018 population\n")
# Join by municipality code (both files have one).
municipalities <- read_sweden("municipalities.csv")
population <- read_sweden("population-2018-12-31.csv")
sweden <- merge(municipalities, population[c("code", "population")], by = "code")
stopifnot(nrow(sweden) == 290, nrow(sweden) == nrow(municipalities))

total <- 39000000
sweden <- yr_split_frame(sweden, total, weights = "population", groups = "county",
                         labels = "municipality")
counties <- aggregate(cbind(population, amount) ~ county, data = sweden, FUN = sum)
counties$per_inhabitant <- counties$amount / counties$population
counties <- counties[order(-counties$amount), ]
cat(sprintf("%s kr over %d municipalities in %d counties (population %s, 31 Dec 2018)\n",
            kr(total), nrow(sweden), nrow(counties), kr(sum(sweden$population))))
print(head(counties, 5), row.names = FALSE)
dalarna <- sweden[sweden$county == "Dalarnas län", c("municipality", "population", "amount")]
cat("\nDalarna's municipalities:\n")
print(dalarna[order(-dalarna$amount), ], row.names = FALSE)

# Every level adds up exactly.
stopifnot(sum(sweden$amount) == total, sum(counties$amount) == total,
          all(tapply(sweden$amount, sweden$county, sum)[counties$county] ==
                tapply(sweden$group_amount, sweden$county, unique)[counties$county]))

national_png <- bar_chart(setNames(counties$amount, counties$county), 1e6, "million kronor",
                          "39 Mkr split by county, population 31 Dec 2018 (largest remainder)",
                          "national-2018-counties.png", 6)
stopifnot(file.size(national_png) > 0)
cat("\nChart:", national_png, "\n")
