"""Mail-client autoconfiguration: Thunderbird autoconfig, Outlook Autodiscover (POX) and an
Apple configuration profile, generated from the installation's settings."""
