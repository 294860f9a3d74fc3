class DomainError(ValueError):
    """Input the meeting's rules refuse. Its message is written for the person who typed it."""
