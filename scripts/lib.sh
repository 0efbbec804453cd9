# Shared steps for the scripts in this folder: make sure MariaDB and the
# Debian packages the tests need are there, on a fresh Debian machine.
# Sourced, not run.

# ensure_packages installs the Debian packages whose command is missing.
# Arguments are pairs COMMAND:PACKAGE.
ensure_packages() {
	local missing=() pair
	for pair in "$@"; do
		command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "Installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || echo "apt-get update failed; trying the install with the current lists" >&2
	apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ensure_mariadb starts the local MariaDB when it does not accept
# connections, and waits until it does (at most 60 s).
ensure_mariadb() {
	ensure_packages mariadbd:mariadb-server mariadb:mariadb-client
	if ! mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1; then
		echo "Starting MariaDB"
		mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
		start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
	fi
	local i
	for i in $(seq 1 60); do
		mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "MariaDB did not accept connections on 127.0.0.1:3306 within 60 s; see /var/log/mysql/ for the reason" >&2
	return 1
}
