"""journeycli: customer journey maps as YAML files, validated, linted, rendered and diffed like code."""

__version__ = "0.1.0"
