# Import a queue by its id (qu-…)…
terraform import smartassist_queue.support qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b

# …or by its name. A name two queues share is refused, with their ids.
terraform import smartassist_queue.support Support
