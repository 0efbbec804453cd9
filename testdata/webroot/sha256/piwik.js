/* tracker (test fixture) */
