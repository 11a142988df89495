#!/usr/bin/env bash
# decltab on a Slurm cluster: one array task per shard, each writing its own
# database; a dependent job merges them.
#
#   sbatch --array=0-7 deploy/slurm-batch.sh /archive/2023 /scratch/decltab
#   sbatch --dependency=afterok:<array job id> --wrap \
#     "build/decltab merge /scratch/decltab/all.db /scratch/decltab/shard-*.db"
#
# With a PostgreSQL server, every task writes straight into it and there is
# no merge step: set DECLTAB_DB to its URI (the password goes in PGPASSWORD
# or ~/.pgpass, never in the URI):
#
#   sbatch --array=0-7 --export=ALL,DECLTAB_DB=postgresql://decltab@db.example/decltab \
#     deploy/slurm-batch.sh /archive/2023 /scratch/decltab
#
# Task K of N takes the K-th part of the archive by sha256 (decltab batch
# --shard K/N), so tasks never share a document. A task that is killed or
# preempted can simply be requeued: documents already in its database are
# skipped. Run from the decltab checkout (build/decltab must exist: ./demo.sh
# or tools/bootstrap.sh builds it), or set DECLTAB to the binary.
#SBATCH --job-name=decltab
#SBATCH --cpus-per-task=2
#SBATCH --mem=3G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=decltab-%A_%a.log
set -euo pipefail
input=${1:?usage: sbatch --array=0-(N-1) slurm-batch.sh INPUT_DIR OUT_DIR}
out=${2:?usage: sbatch --array=0-(N-1) slurm-batch.sh INPUT_DIR OUT_DIR}
k=${SLURM_ARRAY_TASK_ID:?run as an array job (sbatch --array=0-(N-1))}
n=${SLURM_ARRAY_TASK_COUNT:?run as an array job}
mkdir -p "$out"
exec "${DECLTAB:-build/decltab}" batch "$input" -o "$out/json" --db "${DECLTAB_DB:-$out/shard-$k.db}" \
  --shard "$k/$n" -j "${SLURM_CPUS_PER_TASK:-2}"
