resource "aws_budgets_budget" "monthly" { # expect: FAIL "no notification with subscribers"
  name         = "monthly"
  budget_type  = "COST"
  limit_amount = "1000"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"
}
