# Import an agent group by its id (ag-…)…
terraform import smartassist_agent_group.tier2 ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c

# …or by its name. A name two groups share is refused, with their ids.
terraform import smartassist_agent_group.tier2 "Tier 1"
