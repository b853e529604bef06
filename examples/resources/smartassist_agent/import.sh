# Import an agent by its id…
terraform import smartassist_agent.alice a-5892576-bb12-461b-a58a-637d1d21c0de

# …by its email address…
terraform import smartassist_agent.alice alice@example.com

# …or by its custom id.
terraform import smartassist_agent.alice EMP-0042
