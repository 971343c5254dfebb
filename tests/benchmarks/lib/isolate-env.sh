# Sourced by the benchmark scripts: keeps every process they start away from AWS. It
# drops the shell's AWS settings and turns instance metadata off. It sets local-glue's
# fake credentials and a loopback Glue endpoint on the discard port, which the scripts
# that start local-glue replace with its address. AWS_CA_BUNDLE goes too: Lambda does not set it, and AWSSDK.Core
# parses the whole bundle at start-up when it is set.
unset AWS_PROFILE AWS_CA_BUNDLE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
export AWS_EC2_METADATA_DISABLED=true
export AWS_ACCESS_KEY_ID=AKIDLOCALGLUE00000000
export AWS_SECRET_ACCESS_KEY=local-glue-secret-key
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL_GLUE=http://127.0.0.1:9
