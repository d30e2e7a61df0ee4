def student_access(request):
    """Whether the user may see students at all (regional users never see individual students)."""
    from apps.accounts.scoping import STUDENT_READER_ROLES

    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {"show_students": authenticated and user.role in STUDENT_READER_ROLES,
            "show_finance": authenticated and not user.is_regional}
