# terraform-provider-smartassist
#
#   make demo      the main job: the provider against the embedded emulator
#   make test      unit and acceptance tests against the emulator, docs and
#                  examples checks (what CI runs)
#   make test-matrix
#                  an acceptance subset and the demo under every CLI we
#                  support: Terraform 1.5.7, the terraform on PATH,
#                  Terraform 1.16.0, OpenTofu 1.10.6 and 1.12.6, all but
#                  the one on PATH built once from the Go module proxy
#                  into ~/.cache (CI runs it after make test)
#   make testacc-live
#                  the acceptance tests against your own account, named by
#                  the provider's SMARTASSIST_* variables (no emulator);
#                  every object a test makes is named tfacc-<run>-…
#   make sweep SWEEP=1
#                  delete every tfacc- object a failed live run left
#   make bench     the provider through the terraform CLI on PATH against the
#                  emulator, at 10 to 500 agents and contacts; writes
#                  BENCHMARKS.md (several minutes; BENCH_FLAGS=-quick for a
#                  smoke run)
#
# Acceptance tests drive a real Terraform CLI: the one on PATH, or the one
# TF_ACC_TERRAFORM_PATH names. Without either, OpenTofu is built once per
# machine with the plain Go toolchain (scripts/cli.sh) and linked into
# .tools/. Nothing is downloaded at test time beyond Go modules.

SHELL        := /bin/bash
BINARY       := terraform-provider-smartassist
VERSION      ?= dev
TOOLS_DIR    := $(CURDIR)/.tools
TOFU_VERSION := 1.10.6
GOFLAGS_TEST ?=
BENCH_FLAGS  ?=

# Which Terraform CLI the tests, docs and demo use.
ifneq ($(strip $(TF_ACC_TERRAFORM_PATH)),)
  TF_BIN := $(TF_ACC_TERRAFORM_PATH)
else
  TF_BIN := $(shell command -v terraform 2>/dev/null)
endif
ifeq ($(strip $(TF_BIN)),)
  TF_BIN     := $(TOOLS_DIR)/tofu
  TF_IS_TOFU := 1
endif
ifneq ($(findstring tofu,$(notdir $(TF_BIN))),)
  TF_IS_TOFU := 1
endif

# A TF_CLI_CONFIG_FILE that names no file makes OpenTofu 1.12 print a
# warning where terraform-plugin-testing reads its version: leave it unset.
ifneq ($(strip $(TF_CLI_CONFIG_FILE)),)
  ifeq ($(wildcard $(TF_CLI_CONFIG_FILE)),)
    unexport TF_CLI_CONFIG_FILE
  endif
endif

TF_ENV := TF_ACC=1 TF_ACC_PROVIDER_NAMESPACE=koreai TF_ACC_TERRAFORM_PATH=$(TF_BIN)
ifdef TF_IS_TOFU
  TF_ENV += TF_ACC_PROVIDER_HOST=registry.opentofu.org
endif

.PHONY: default build install lint lint-workflows fmt-check generate docs-check examples-check test testacc testacc-live testacc-live-emulator sweep test-matrix demo bench release-check clean terraform

default: build

build:
	go build -trimpath -ldflags "-X main.version=$(VERSION)" -o bin/$(BINARY) .

install:
	go install -trimpath -ldflags "-X main.version=$(VERSION)" .

# The Terraform CLI, or the OpenTofu fallback built once from source.
terraform: $(TF_BIN)

# It is the build that make test-matrix uses, from the cache outside the
# clone (scripts/cli.sh; about 3 minutes the first time on a machine), linked
# into .tools/. OpenTofu 1.6 could not read the removed blocks of two tests.
$(TOOLS_DIR)/tofu:
	@echo "No terraform on PATH: using OpenTofu $(TOFU_VERSION), built once per machine by scripts/cli.sh"
	@mkdir -p $(TOOLS_DIR)
	ln -sf "$$(bash scripts/cli.sh tofu $(TOFU_VERSION))" $(TOOLS_DIR)/tofu

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.tools/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

lint: fmt-check lint-workflows
	go vet ./...
	@if go run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0 version >/dev/null 2>&1; then \
		go run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0 run ./...; \
	else echo "golangci-lint is not available from the module proxy here; go vet and gofmt ran"; fi

# The GitHub workflows, checked here although they cannot run here:
# actionlint from the Go module proxy (it also runs shellcheck on their
# run: scripts where shellcheck is installed).
ACTIONLINT := go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint-workflows:
	$(ACTIONLINT) .github/workflows/*.yml

# docs/ from the schema, templates/ and examples/ (no network, no CLI: the
# schema is read from the provider in process by internal/docschema, in the
# shape `terraform providers schema -json` writes).
generate:
	bash scripts/generate-docs.sh

docs-check: generate
	@if [ -n "$$(git status --porcelain -- docs)" ]; then \
		echo "docs/ is out of date: run 'make generate' and commit the result"; git status --porcelain -- docs; git diff --stat -- docs; exit 1; fi

examples-check: terraform
	$(TF_BIN) fmt -check -recursive examples

# What CI runs: every test, with the race detector on the packages that
# share state across goroutines, plus the docs and examples checks.
test: terraform fmt-check
	go vet ./...
	$(TF_ENV) go test -count=1 -race -timeout 20m $(GOFLAGS_TEST) ./...
	$(MAKE) --no-print-directory testacc-live-emulator examples-check docs-check

testacc: terraform
	$(TF_ENV) go test -count=1 -timeout 20m -v $(GOFLAGS_TEST) ./internal/provider/...

# The acceptance tests against the account the provider's own variables
# name: SMARTASSIST_HOST, SMARTASSIST_STREAM_ID, SMARTASSIST_ACCOUNT_ID and
# SMARTASSIST_CLIENT_ID with SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT).
# It refuses to start, naming the variable, when one is missing, and never
# falls back to the emulator. LIVE_RUN='TestQueue' narrows it. README,
# "Testing against your account", says what it costs.
testacc-live: terraform
	$(TF_ENV) bash scripts/testacc-live.sh

# Deletes every tfacc- object of the stream (what a failed live run left),
# and nothing else; it needs SWEEP=1.
sweep:
	bash scripts/sweep.sh

# The live path without an account: smartassist-emulator as its own process,
# one lifecycle per kind through make testacc-live, make sweep, and a check
# that no tfacc- object is left (part of make test).
testacc-live-emulator: terraform
	$(TF_ENV) bash scripts/live-emulator.sh

demo: terraform
	TF_BIN=$(TF_BIN) TF_IS_TOFU=$(TF_IS_TOFU) bash scripts/demo.sh

# The CLI matrix: each resource's create, import, update and destroy once
# (the outbound kinds too), the create lookups for an answer without an id,
# the conversation data sources, import by identity (Terraform and OpenTofu
# 1.12+), terraform query and the outbound actions (Terraform 1.14+) and the
# demo's quickstart, under each CLI one after another (two cores: in
# parallel they would only slow each other down). The identity, query and
# action tests skip themselves below the version that has the feature. A CLI
# other than the one on PATH is built by scripts/cli.sh on first use (about
# 3 minutes each) and cached outside the clone, keyed by name and version.
# MATRIX_CLIS="tofu@1.12.6" runs one entry.
MATRIX_CLIS ?= terraform@1.5.7 path terraform@1.16.0 tofu@1.10.6 tofu@1.12.6
MATRIX_RUN  := ^(TestIdentity_.*|TestQuery_.*|TestProviderConfigReachesEmulator|TestAgentResourceLifecycle|TestAgentGroupResourceLifecycle|TestContactResourceLifecycle|TestQueueResourceLifecycle|TestSkillGroupResourceLifecycle|TestSkillResourceLifecycle|TestAgentResourceCreateFoundByEmail|TestAgentResourceCreateAnswerWithID|TestAccConversationDataSource_.*|TestAccConversationsDataSource_(filters|examples)|TestAccContactListLifecycle|TestAcc(SMS|Voice)Campaign_lifecycle|TestAccCampaignScheduleLifecycle|TestAccCampaignActions|TestAccContactListAddNumbersAction)$$
test-matrix:
	MATRIX_CLIS="$(MATRIX_CLIS)" MATRIX_RUN='$(MATRIX_RUN)' bash scripts/test-matrix.sh

# Wall time, API calls by route, 429s and provider memory per scenario and
# phase, with the rate limit off and at 600 a minute, against a terraform_data
# floor. Needs the real terraform CLI on PATH (dev_overrides, no init).
bench:
	go run ./internal/bench/cmd/smartassist-bench $(BENCH_FLAGS)

# goreleaser from the module proxy (v2.16.0 is the newest that builds with Go 1.26): validate .goreleaser.yml and build every
# platform's archive locally (unsigned). Slow; not part of make test.
GORELEASER := go run github.com/goreleaser/goreleaser/v2@v2.16.0
release-check:
	$(GORELEASER) check
	$(GORELEASER) release --snapshot --clean --skip=sign,publish

clean:
	rm -rf bin dist
