library(testthat)
library(yrkesresa)

test_check("yrkesresa")
