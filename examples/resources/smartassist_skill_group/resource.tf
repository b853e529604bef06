resource "smartassist_skill_group" "lang" {
  name        = "Spoken Languages"
  description = "Languages agents serve customers in"
  color       = "#0f0f0f"
}

# Without a colour, the API may choose one; color then shows it.
resource "smartassist_skill_group" "products" {
  name = "Products"
}
