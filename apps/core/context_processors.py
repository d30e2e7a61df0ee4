def student_access(request):
    """Whether the user may see students at all (regional users never see individual students)."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {"show_students": authenticated and user.reads_students,
            "show_finance": authenticated and user.reads_finance}
