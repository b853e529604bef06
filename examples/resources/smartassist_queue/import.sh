# Import a queue by its id (qu-…). The smartassist_queues data source lists
# the ids of every queue.
terraform import smartassist_queue.support qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b
